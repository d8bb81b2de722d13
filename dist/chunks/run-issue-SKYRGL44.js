#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  branchFor,
  runIssue
} from "./chunk-PY2ZMLBR.js";
import "./chunk-F6Q4YDAD.js";
import "./chunk-LSZKSF23.js";
import "./chunk-4PGSLSUU.js";
import "./chunk-HLFRMMST.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
