#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  publishWindowMs,
  runIssue
} from "./chunk-4VMP7RJQ.js";
import {
  branchFor
} from "./chunk-435BGUNL.js";
import "./chunk-EC55CT6E.js";
import "./chunk-WAJCCAE4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  publishWindowMs,
  runIssue
};
