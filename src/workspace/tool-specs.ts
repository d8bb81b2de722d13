// What the models see of the workspace tools: each tool's name, description and JSON
// Schema (SPECS), and the zod schemas that check the arguments a model actually sends.
// Keep the two in step: a property added to one belongs in the other.

import * as z from 'zod'
import type { ToolSpec } from '../chat'

// Arguments. Optional values are nullable (OpenAI strict mode sends null), and also
// accepted when missing, for providers that do not enforce the schema.
const optionalString = z.string().nullish()
const optionalLine = z.number().int().positive().nullish()
export const argSchemas = {
  list_files: z.object({ path: optionalString, pattern: optionalString }),
  read_file: z.object({ path: z.string(), start_line: optionalLine, end_line: optionalLine }),
  search: z.object({ pattern: z.string(), path: optionalString, glob: optionalString }),
  write_file: z.object({ path: z.string(), content: z.string() }),
  edit_file: z.object({
    path: z.string(),
    old_string: z.string(),
    new_string: z.string(),
    replace_all: z.boolean().nullish()
  }),
  delete_file: z.object({ path: z.string() }),
  finish: z.object({ summary: z.string().trim().min(1, 'summary must not be empty') })
}
export type ToolName = keyof typeof argSchemas
export type Args<N extends ToolName> = z.infer<(typeof argSchemas)[N]>

const str = { type: 'string' }
const nullableStr = { type: ['string', 'null'] }
const nullableInt = { type: ['integer', 'null'] }
function objectSchema(properties: Record<string, object>): Record<string, unknown> {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false }
}

export const SPECS: ToolSpec[] = [
  {
    name: 'list_files',
    description:
      'List files in the repository (tracked and untracked; .gitignore\'d files are hidden). ' +
      'path: a directory, or null for the root. pattern: a glob such as "**/*.ts" or "*.md" ' +
      '(a pattern without "/" matches file names), or null. At most 500 paths.',
    parameters: objectSchema({ path: nullableStr, pattern: nullableStr })
  },
  {
    name: 'read_file',
    description:
      'Read a text file with numbered lines ("  12| text"; the number prefix is not part of the file). ' +
      'start_line and end_line are 1-based and inclusive, null for the start / end. At most 600 lines per call.',
    parameters: objectSchema({ path: str, start_line: nullableInt, end_line: nullableInt })
  },
  {
    name: 'search',
    description:
      'Search file contents with a JavaScript regular expression (case-sensitive), line by line. ' +
      'Returns "file:line: text", at most 200 matches. path: a directory or file, or null for the whole ' +
      'repository. glob: a file filter such as "**/*.py", or null.',
    parameters: objectSchema({ pattern: str, path: nullableStr, glob: nullableStr })
  },
  {
    name: 'write_file',
    description:
      'Create a file, or replace its whole content. Parent directories are created. ' +
      'For a change to an existing file prefer edit_file.',
    parameters: objectSchema({ path: str, content: str })
  },
  {
    name: 'edit_file',
    description:
      'Replace an exact string in a file. old_string must match the file exactly, whitespace and ' +
      'indentation included (copy it from read_file without the line-number prefix), and must occur ' +
      'once unless replace_all is true; add surrounding lines to make it unique. replace_all: null means false.',
    parameters: objectSchema({
      path: str,
      old_string: str,
      new_string: str,
      replace_all: { type: ['boolean', 'null'] }
    })
  },
  {
    name: 'delete_file',
    description: 'Delete a file.',
    parameters: objectSchema({ path: str })
  },
  {
    name: 'finish',
    description: 'Call once the work is complete. summary: what you changed and why, for the reviewer.',
    parameters: objectSchema({ summary: str })
  }
]
