#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  runIssue
} from "./chunk-UVDA25WJ.js";
import {
  branchFor
} from "./chunk-BWSKJGOX.js";
import "./chunk-IP5W7VNE.js";
import "./chunk-YURAMFSW.js";
import "./chunk-PLLUF5YN.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
