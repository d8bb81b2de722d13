#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  renderLedgerReport
} from "./chunk-WU7EZVLJ.js";
import {
  Git,
  Ledger
} from "./chunk-YSMCARUW.js";
import {
  setSkippedOutputs
} from "./chunk-QMV6HTJ4.js";
import "./chunk-I4BPBFEM.js";

// src/report-command.ts
async function runReport(settings, ctx, io) {
  const ledger = new Ledger(new Git(ctx.workspace, io.redact), { serverUrl: ctx.serverUrl, token: settings.githubToken });
  const { records } = await ledger.read();
  const markdown = renderLedgerReport(records, `draft-review: ${ctx.owner}/${ctx.repo}`);
  io.info(markdown);
  await io.jobSummary(markdown);
  setSkippedOutputs(io);
}
export {
  runReport
};
