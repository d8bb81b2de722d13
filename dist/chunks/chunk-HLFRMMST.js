#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);

// src/providers/types.ts
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
  if (raw.trim() === "") return { input: {} };
  try {
    return { input: JSON.parse(raw) };
  } catch (e) {
    return { input: raw, invalidJson: e.message };
  }
}

export {
  estimateTokens,
  parseArguments
};
