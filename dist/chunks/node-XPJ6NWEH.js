#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
} from "./chunk-GJNSLPHT.js";
import "./chunk-I4BPBFEM.js";
export {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
};
