#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  runIssue
} from "./chunk-CDU6ILKZ.js";
import {
  branchFor
} from "./chunk-435BGUNL.js";
import "./chunk-VHYUATTC.js";
import "./chunk-WAJCCAE4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
