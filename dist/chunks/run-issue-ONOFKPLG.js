#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  RunTimedOut,
  branchFor,
  runIssue
} from "./chunk-HTPAOHRD.js";
import "./chunk-F6Q4YDAD.js";
import "./chunk-LSZKSF23.js";
import "./chunk-4PGSLSUU.js";
import "./chunk-HLFRMMST.js";
import "./chunk-I4BPBFEM.js";
export {
  RunTimedOut,
  branchFor,
  runIssue
};
