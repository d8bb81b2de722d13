#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);

// src/providers/types.ts
function estimateTokens(req) {
  const bytes = Buffer.byteLength(
    JSON.stringify([req.system, req.messages, req.tools ?? [], req.answerSchema ?? null]),
    "utf8"
  );
  return Math.ceil(bytes / 3) + 16 * (req.messages.length + 1);
}
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
