#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
} from "./chunk-2TSZN6YJ.js";
import {
  branchFor
} from "./chunk-I7J6OX7W.js";
import "./chunk-YSMCARUW.js";
import "./chunk-QMV6HTJ4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  publishWindowMs,
  readLedger,
  recordRun,
  runIssue
};
