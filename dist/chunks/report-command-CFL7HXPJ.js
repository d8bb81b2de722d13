#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  renderLedgerReport
} from "./chunk-DCZWXHAW.js";
import {
  Git,
  Ledger
} from "./chunk-47VSXA6S.js";
import {
  setSkippedOutputs
} from "./chunk-WAJCCAE4.js";
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
