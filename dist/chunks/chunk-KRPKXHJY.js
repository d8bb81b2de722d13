#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);

// src/providers/ids.ts
import { createHash } from "node:crypto";
var ANTHROPIC_ID = /^[a-zA-Z0-9_-]+$/;
var OPENAI_MAX_ID = 40;
var shortHash = (id) => createHash("sha256").update(id).digest("hex").slice(0, 8);
function anthropicToolId(id) {
  if (ANTHROPIC_ID.test(id)) return id;
  return `${id.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 48)}_${shortHash(id)}`;
}
function openaiToolId(id) {
  if (id.length > 0 && id.length <= OPENAI_MAX_ID) return id;
  return `call_${shortHash(id)}${id.replace(/[^a-zA-Z0-9_-]/g, "").slice(0, OPENAI_MAX_ID - 14)}`;
}

// src/providers/types.ts
var STREAM_FROM_TOKENS = 4096;
function parseArguments(raw) {
  if (raw === void 0 || raw === null) return { input: {} };
  if (typeof raw === "object") return { input: raw };
  if (typeof raw !== "string") return { input: String(raw), invalidJson: `arguments were a ${typeof raw}, not a JSON object` };
  if (raw.trim() === "") return { input: {} };
  try {
    return { input: JSON.parse(raw) };
  } catch (e) {
    return { input: raw, invalidJson: e.message };
  }
}

export {
  anthropicToolId,
  openaiToolId,
  STREAM_FROM_TOKENS,
  parseArguments
};
