#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
} from "./chunk-Y6PIBUC7.js";
import {
  branchFor
} from "./chunk-YMYKQWZK.js";
import "./chunk-6DG5ETNI.js";
import "./chunk-WAJCCAE4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
};
