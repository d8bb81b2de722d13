#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
} from "./chunk-WIV75AJU.js";
import {
  branchFor
} from "./chunk-EDOJAOCX.js";
import "./chunk-47VSXA6S.js";
import "./chunk-WAJCCAE4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
};
