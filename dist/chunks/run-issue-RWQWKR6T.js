#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  branchFor,
  runIssue
} from "./chunk-L25MMRBL.js";
import "./chunk-XBILPCPG.js";
import "./chunk-Z2NKMQZ6.js";
import "./chunk-ACPVMPMH.js";
import "./chunk-PLLUF5YN.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
