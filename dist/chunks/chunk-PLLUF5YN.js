#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);

// src/providers/types.ts
var STREAM_FROM_TOKENS = 4096;
function estimateTokens(req) {
  const text = JSON.stringify([req.system, req.messages, req.tools ?? [], req.answerSchema ?? null]);
  let ascii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) ascii++;
  const otherBytes = Buffer.byteLength(text, "utf8") - ascii;
  const toolPrompt = req.tools?.length ? TOOL_USE_OVERHEAD : 0;
  return Math.ceil(ascii / 3) + otherBytes + 16 * (req.messages.length + 1) + toolPrompt;
}
var TOOL_USE_OVERHEAD = 600;
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
  STREAM_FROM_TOKENS,
  estimateTokens,
  parseArguments
};
