#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  runIssue
} from "./chunk-N6TKFWOS.js";
import {
  branchFor
} from "./chunk-O2IU4GGO.js";
import "./chunk-ZM4I6SRF.js";
import "./chunk-BMU7JN73.js";
import "./chunk-PLLUF5YN.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
