#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  branchFor,
  runIssue
} from "./chunk-SKVOTAON.js";
import "./chunk-TDL3JYRE.js";
import "./chunk-LSZKSF23.js";
import "./chunk-4PGSLSUU.js";
import "./chunk-HLFRMMST.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
