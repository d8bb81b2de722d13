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

export {
  anthropicToolId,
  openaiToolId
};
