// What a tool call gives back to the model. Model mistakes are results, never exceptions:
// a Refusal thrown anywhere below the dispatch becomes an error result with its message as is.

export interface ToolOutcome {
  content: string
  isError: boolean
  finished?: { summary: string }
}

/** A request the tools turn down (a path outside the repository, a missing file, ...). */
export class Refusal extends Error {}

export function ok(content: string): ToolOutcome {
  return { content, isError: false }
}

export function fail(content: string): ToolOutcome {
  return { content, isError: true }
}
