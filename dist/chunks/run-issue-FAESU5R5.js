#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  runIssue
} from "./chunk-PODH7J55.js";
import {
  branchFor
} from "./chunk-YPOB4AQS.js";
import "./chunk-DJICUPRV.js";
import "./chunk-WAJCCAE4.js";
import "./chunk-I4BPBFEM.js";
export {
  branchFor,
  runIssue
};
