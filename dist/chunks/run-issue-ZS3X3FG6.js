#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  branchFor,
  runIssue
} from "./chunk-AKIWOB6U.js";
import "./chunk-PKKYFMAB.js";
import "./chunk-NQKBB6IJ.js";
import "./chunk-BMU7JN73.js";
import "./chunk-PLLUF5YN.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
