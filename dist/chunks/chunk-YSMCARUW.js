#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  record,
  roundUsd,
  string
} from "./chunk-QMV6HTJ4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-I4BPBFEM.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path5, { windows } = {}) => {
      const segs = path5.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n3 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n3, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n2);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n2 = 1) => input[state.index + n2];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/git/index.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import path4 from "node:path";

// src/workspace/paths.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import path from "node:path";
function normalizeToolPath(input, options = {}) {
  if (typeof input !== "string") return refuse("path must be a string");
  if (input.includes("\0")) return refuse("path contains a NUL byte");
  const raw = input.trim().replace(/\\/g, "/");
  if (/^[a-zA-Z]:/.test(raw) || raw.startsWith("/")) {
    return refuse("absolute paths are not allowed; use a path relative to the repository root");
  }
  let rel = path.posix.normalize(raw === "" ? "." : raw);
  if (rel === ".." || rel.startsWith("../")) {
    return refuse(`${input} is outside the repository; use a path relative to the repository root`);
  }
  rel = rel.replace(/\/+$/, "");
  if (rel === "." || rel === "") {
    if (options.allowRoot) return { ok: true, rel: "" };
    return refuse("path is empty; give a file path relative to the repository root");
  }
  if (isInsideGitDir(rel)) {
    return refuse(`${rel} is inside .git, which the tools never touch`);
  }
  return { ok: true, rel };
}
function isInsideGitDir(rel) {
  return /git/i.test(rel) && rel.split("/").some(isGitDirName);
}
function checkWrite(rel, rules) {
  const protectedBy = rules.protectedGlobs.filter((g) => matchesSelfOrAncestor(rel, g, true));
  if (protectedBy.length > 0) {
    return refuse(`${rel} is protected (protected-paths: ${protectedBy.join(", ")})`);
  }
  if (rules.mode === "tests" && !rules.testGlobs.some((g) => matchesSelfOrAncestor(rel, g, false))) {
    return refuse(
      `${rel}: this is a tests run: only test files may be written (test-paths: ${rules.testGlobs.join(", ")})`
    );
  }
  return { ok: true, rel };
}
function pushViolations(changed, rules) {
  const out = [];
  for (const p of changed) {
    if (isInsideGitDir(p)) {
      out.push(`${p} is inside .git`);
      continue;
    }
    const check = checkWrite(p, rules);
    if (!check.ok) out.push(check.reason);
  }
  return out;
}
function matchesSelfOrAncestor(rel, glob, nocase) {
  const isMatch = compile(glob, nocase);
  const parts = rel.split("/");
  for (let i = parts.length; i > 0; i--) {
    if (isMatch(parts.slice(0, i).join("/"))) return true;
  }
  return false;
}
var matchers = /* @__PURE__ */ new Map();
function compile(glob, nocase) {
  const key = `${nocase ? "i" : "s"}:${glob}`;
  let m = matchers.get(key);
  if (!m) {
    m = (0, import_picomatch.default)(glob, { dot: true, nocase });
    matchers.set(key, m);
  }
  return m;
}
function isGitDirName(component) {
  const c = component.replace(/[. ]+$/, "").toLowerCase();
  return c === ".git" || /^git~\d+$/.test(c);
}
function refuse(reason) {
  return { ok: false, reason };
}

// src/git/draft-commit.ts
var LITERAL = { GIT_LITERAL_PATHSPECS: "1" };
async function commitDraft(a) {
  const { own } = a;
  const git = async (args, input) => (await own.run(args, { index: true, input, env: LITERAL })).stdout;
  if (!a.indexHoldsParent) await git(["read-tree", a.parent]);
  const skipped = [];
  const candidates = [...a.writes.keys()].filter((p) => {
    if (!isInsideGitDir(p)) return true;
    skipped.push({ path: p, reason: "inside .git" });
    return false;
  });
  const listed = await entriesAlong(git, a.parent, candidates);
  const submodules = listed.filter((e) => e.mode === "160000").map((e) => e.path);
  const wanted = candidates.filter((p) => {
    const sub = submodules.find((s) => p === s || p.startsWith(`${s}/`));
    if (sub) skipped.push({ path: p, reason: `inside the submodule ${sub}, which this repository records only as a commit` });
    return !sub;
  });
  const wantedSet = new Set(wanted);
  const modes = new Map(listed.filter((e) => wantedSet.has(e.path)).map((e) => [e.path, e.mode]));
  const added = wanted.filter((p) => a.writes.get(p) != null);
  const ignored = added.length > 0 ? await a.ignored(added.filter((p) => !modes.has(p))) : /* @__PURE__ */ new Set();
  const lines = [];
  const none = "0".repeat(own.pinned.objectFormat === "sha256" ? 64 : 40);
  for (const p of wanted) {
    if (a.writes.get(p) == null && modes.has(p)) lines.push(`0 ${none}	${p}`);
  }
  const kept = added.filter((p) => {
    if (ignored.has(p)) skipped.push({ path: p, reason: "ignored by git" });
    return !ignored.has(p);
  });
  const blobs = await own.writeBlobs(kept.map((p) => a.writes.get(p)));
  kept.forEach((p, i) => lines.push(`${modes.get(p) === "100755" ? "100755" : "100644"} ${blobs[i]}	${p}`));
  const indexInfo = lines.length > 0 ? lines.join("\0") + "\0" : "";
  if (indexInfo) await git(["update-index", "--add", "-z", "--index-info"], indexInfo);
  const [tree = "", parentTree = ""] = (await Promise.all([git(["write-tree"]), git(["rev-parse", `${a.parent}^{tree}`])])).map((t) => t.trim());
  if (tree === parentTree) return { sha: a.parent, changed: false, skipped, indexInfo: "" };
  const sha = (await own.run(["commit-tree", "--no-gpg-sign", tree, "-p", a.parent, "-F", "-"], {
    input: a.message,
    env: {
      GIT_AUTHOR_NAME: a.author.name,
      GIT_AUTHOR_EMAIL: a.author.email,
      GIT_COMMITTER_NAME: a.author.name,
      GIT_COMMITTER_EMAIL: a.author.email
    }
  })).stdout.trim();
  return { sha, changed: true, skipped, indexInfo };
}
async function entriesAlong(git, tree, paths) {
  const probes = /* @__PURE__ */ new Set();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i <= parts.length; i++) probes.add(parts.slice(0, i).join("/"));
  }
  if (probes.size === 0) return [];
  return entries(await git(["ls-tree", "-z", tree, "--", ...probes]));
}
function entries(out) {
  return out.split("\0").filter(Boolean).map((rec) => {
    const tab = rec.indexOf("	");
    return { mode: rec.slice(0, rec.indexOf(" ")), path: rec.slice(tab + 1) };
  });
}

// src/git/index-state.ts
import { constants, copyFileSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
function fingerprint(file) {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}:${s.mtimeNs}`;
  } catch {
    return void 0;
  }
}
var PrivateIndex = class {
  constructor(file) {
    this.file = file;
  }
  file;
  kept;
  /** After git wrote the index so that it holds `commit`'s tree (read-tree, or a commit's update-index). */
  wrote(commit) {
    try {
      const bytes = readFileSync(this.file);
      this.kept = { commit, bytes, print: fingerprint(this.file) };
    } catch {
      this.kept = void 0;
    }
  }
  /**
   * Takes a copy of `from`, an index that holds `commit`'s tree (the workspace's, refreshed
   * and found clean at it), with its modify time: what `git read-tree` would have produced,
   * without reading the whole tree again.
   */
  copyFrom(from, commit) {
    try {
      copyFileSync(from, this.file);
      keepTimes(from, this.file);
      this.kept = { commit, bytes: readFileSync(this.file), print: fingerprint(this.file) };
      return true;
    } catch {
      this.kept = void 0;
      return false;
    }
  }
  forget() {
    this.kept = void 0;
  }
  /**
   * Whether the index holds `commit`'s tree as this run left it, putting our bytes back
   * first (atomically: a git command reading it meanwhile sees the old file or ours).
   * `always` puts them back even when the file looks untouched (before a commit).
   */
  restore(commit, always = false) {
    if (this.kept?.commit !== commit) return false;
    if (!always && fingerprint(this.file) === this.kept.print) return true;
    try {
      const tmp = `${this.file}.restore`;
      writeFileSync(tmp, this.kept.bytes);
      renameSync(tmp, this.file);
      this.kept.print = fingerprint(this.file);
      return true;
    } catch {
      this.kept = void 0;
      return false;
    }
  }
};
var SharedIndex = class {
  constructor(file) {
    this.file = file;
  }
  file;
  known;
  /** Call right after the index was made to hold exactly `commit`'s tree (a forced checkout, our sync). */
  holdsNow(commit) {
    const print = fingerprint(this.file);
    this.known = print ? { commit, print } : void 0;
  }
  forget() {
    this.known = void 0;
  }
  holds(commit) {
    return this.known !== void 0 && this.known.commit === commit && fingerprint(this.file) === this.known.print;
  }
};
function copyIndex(original, file) {
  const print = fingerprint(original);
  if (!print) return void 0;
  try {
    copyFileSync(original, file);
    keepTimes(original, file);
  } catch {
    return void 0;
  }
  return fingerprint(original) === print ? { file, original, print } : void 0;
}
function adoptIndex(copy) {
  const lock = `${copy.original}.lock`;
  try {
    copyFileSync(copy.file, lock, constants.COPYFILE_EXCL);
  } catch {
    return false;
  }
  try {
    if (fingerprint(copy.original) !== copy.print) throw new Error("the index changed since it was copied");
    keepTimes(copy.file, lock);
    renameSync(lock, copy.original);
    return true;
  } catch {
    rmSync(lock, { force: true });
    return false;
  }
}
function keepTimes(from, to) {
  const s = statSync(from);
  utimesSync(to, s.atime, new Date(Math.floor(s.mtimeMs)));
}

// src/git/own-repo.ts
import { mkdirSync, mkdtempSync as mkdtempSync2, readFileSync as readFileSync2, renameSync as renameSync2, rmSync as rmSync3, writeFileSync as writeFileSync2 } from "node:fs";
import path3 from "node:path";

// src/git/run.ts
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import path2 from "node:path";
var GitError = class extends Error {
  constructor(args, stderr, exitCode) {
    super(`git ${args[0]} failed: ${gitMessage(stderr)}`);
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
    this.name = "GitError";
  }
  args;
  stderr;
  exitCode;
};
function gitMessage(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^hint:/i.test(l));
  return lines.slice(-3).join(" ") || "no message";
}
var dirs;
function safeDirs() {
  if (dirs) return dirs;
  const root = mkdtempSync(path2.join(tmpdir(), "draft-review-git-"));
  const made = { root, hooks: mkdtempSync(path2.join(root, "hooks-")), home: mkdtempSync(path2.join(root, "home-")) };
  process.once("exit", () => rmSync2(root, { recursive: true, force: true }));
  dirs = made;
  return made;
}
function hardeningArgs(cwd, opts = {}) {
  const d = safeDirs();
  const pairs = [
    ["core.hooksPath", d.hooks],
    // no hook of any kind (pre-push, post-commit, reference-transaction, ...)
    ["core.fsmonitor", "false"],
    // a command git would start on every index read
    ["core.pager", "cat"],
    ["core.editor", "false"],
    ["core.askPass", ""],
    ["core.untrackedCache", "false"],
    ["submodule.recurse", "false"],
    ["diff.external", ""],
    ["commit.gpgSign", "false"],
    ["tag.gpgSign", "false"],
    ["gpg.program", "false"],
    ["gc.auto", "0"],
    ["maintenance.auto", "false"],
    ["protocol.ext.allow", "never"],
    ["remote.origin.uploadpack", "git-upload-pack"],
    ["remote.origin.receivepack", "git-receive-pack"],
    ["safe.directory", cwd]
  ];
  if (!opts.userConfig) pairs.push(["credential.helper", ""]);
  return pairs.flatMap(([k, v]) => ["-c", `${k}=${v}`]);
}
var PROXY_AND_CA = ["http_proxy", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE"];
function gitEnv(opts = {}) {
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: safeDirs().home,
    LC_ALL: "C",
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1"
  };
  for (const key of ["TMPDIR", "SYSTEMROOT", ...PROXY_AND_CA]) if (process.env[key] !== void 0) env[key] = process.env[key];
  if (opts.userConfig) {
    delete env.GIT_CONFIG_NOSYSTEM;
    for (const key of ["HOME", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "SSH_ASKPASS", "DISPLAY", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS"]) {
      if (process.env[key] !== void 0) env[key] = process.env[key];
    }
  }
  return { ...env, ...opts.env };
}
function runGit(args, opts) {
  const full = [...hardeningArgs(opts.cwd, opts), ...args];
  const env = gitEnv(opts);
  const redact = opts.redact ?? ((t) => t);
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      full,
      { cwd: opts.cwd, env, maxBuffer: 256 * 1024 * 1024, encoding: "buffer", signal: opts.signal },
      (err, stdout, stderr) => {
        const code = err ? typeof err.code === "number" ? err.code : -1 : 0;
        const result = { stdout: stdout.toString("utf8"), stderr: stderr.toString("utf8"), code };
        if (code === 0 || opts.okCodes?.includes(code)) resolve(result);
        else reject(new GitError(args, redact(result.stderr || String(err?.message ?? "")), code));
      }
    );
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(opts.input ?? "");
  });
}

// src/git/own-repo.ts
var OwnRepo = class _OwnRepo {
  constructor(pinned, redact, userConfig) {
    this.pinned = pinned;
    this.redact = redact;
    this.userConfig = userConfig;
    const root = mkdtempSync2(path3.join(safeDirs().root, "own-"));
    this.gitDir = path3.join(root, "repo");
    this.indexFile = path3.join(root, "index");
    for (const d of ["refs/heads", "refs/tags", "objects"]) mkdirSync(path3.join(this.gitDir, d), { recursive: true });
    writeFileSync2(path3.join(this.gitDir, "HEAD"), "ref: refs/heads/draft-review-own\n");
    this.config = renderConfig(pinned);
    this.syncShallow();
  }
  pinned;
  redact;
  userConfig;
  gitDir;
  /** The private index commits are built in (never the workspace's shared index). */
  indexFile;
  config;
  /** The shallow entries last taken from the workspace. */
  fromWorkspace = /* @__PURE__ */ new Set();
  writes = 0;
  /** Reads the workspace's settings (call before the test command has run) and makes the repository. */
  static async create(workspace, redact, userConfig = false) {
    const ask = async (args) => (await runGit(args, { cwd: workspace, redact, userConfig, okCodes: [1] })).stdout;
    const [paths, settings] = await Promise.all([
      ask(["rev-parse", "--path-format=absolute", "--git-path", "objects", "--git-path", "shallow", "--git-path", "index", "--git-path", "HEAD", "--show-object-format", "--is-shallow-repository"]),
      ask(["config", "-z", "--get-regexp", "^(remote\\.origin\\.url|core\\.sshcommand|core\\.sparsecheckout)$"])
    ]);
    const [objectsDir = "", shallowFile = "", workspaceIndex = "", workspaceHead = "", objectFormat = "", shallow = ""] = paths.split("\n").map((l) => l.trim());
    const values = new Map(
      settings.split("\0").filter(Boolean).map((rec) => rec.includes("\n") ? [rec.slice(0, rec.indexOf("\n")).toLowerCase(), rec.slice(rec.indexOf("\n") + 1)] : [rec.toLowerCase(), ""])
    );
    const originUrl = values.get("remote.origin.url") ?? "";
    const sshCommand = values.get("core.sshcommand") ?? "";
    const sparse = values.get("core.sparsecheckout");
    const sparseCheckout = sparse !== void 0 && !/^(false|no|off|0)$/i.test(sparse.trim());
    const origin = isRelativePath(originUrl) ? path3.resolve(workspace, originUrl) : originUrl;
    return new _OwnRepo({ objectsDir, shallowFile, workspaceIndex, workspaceHead, shallow: shallow === "true", originUrl: origin, objectFormat: objectFormat || "sha1", sshCommand, sparseCheckout }, redact, userConfig);
  }
  run(args, opts = {}) {
    this.pinConfig();
    const env = { GIT_DIR: this.gitDir, GIT_OBJECT_DIRECTORY: this.pinned.objectsDir, ...opts.env };
    if (opts.index) env.GIT_INDEX_FILE = this.indexFile;
    return runGit(args, { ...opts, env, cwd: path3.dirname(this.gitDir), redact: opts.redact ?? this.redact, userConfig: this.userConfig });
  }
  /**
   * Checked before every command: a process that reached the temp dir cannot plant
   * settings. Replaced atomically (a file of its own, renamed over), since a command
   * started a moment earlier may be reading it and must never see it half written.
   */
  pinConfig() {
    const file = path3.join(this.gitDir, "config");
    let now;
    try {
      now = readFileSync2(file, "utf8");
    } catch {
      now = void 0;
    }
    if (now === this.config) return;
    const tmp = path3.join(this.gitDir, `config.${process.pid}.${++this.writes}`);
    writeFileSync2(tmp, this.config);
    renameSync2(tmp, file);
  }
  /** Stores these exact bytes as blobs (no filters), in one git call; returns their ids in order. */
  async writeBlobs(contents) {
    if (contents.length === 0) return [];
    const dir = mkdtempSync2(path3.join(path3.dirname(this.gitDir), "blobs-"));
    try {
      const files = contents.map((bytes, i) => {
        const f = path3.join(dir, String(i));
        writeFileSync2(f, bytes);
        return f;
      });
      const out = await this.run(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input: files.join("\n") + "\n" });
      return out.stdout.split("\n").filter(Boolean);
    } finally {
      rmSync3(dir, { recursive: true, force: true });
    }
  }
  /**
   * Takes the workspace's shallow boundary as it is now (after the branch was fetched, maybe
   * deepened), keeping what this repository's own fetches (the ledger) added.
   */
  syncShallow() {
    const own = readLines(path3.join(this.gitDir, "shallow")).filter((l) => !this.fromWorkspace.has(l));
    this.fromWorkspace = new Set(readLines(this.pinned.shallowFile));
    this.writeShallow([...own, ...this.fromWorkspace]);
  }
  writeShallow(lines) {
    const unique = [...new Set(lines.filter((l) => /^[0-9a-f]{40,64}$/.test(l)))].sort();
    const file = path3.join(this.gitDir, "shallow");
    if (unique.length > 0) writeFileSync2(file, unique.join("\n") + "\n");
    else rmSync3(file, { force: true });
  }
};
function renderConfig(p) {
  const lines = ["[core]", `	repositoryformatversion = ${p.objectFormat === "sha1" ? 0 : 1}`, "	bare = true"];
  if (p.sshCommand) lines.push(`	sshCommand = ${quote(p.sshCommand)}`);
  if (p.objectFormat !== "sha1") lines.push("[extensions]", `	objectFormat = ${quote(p.objectFormat)}`);
  if (p.originUrl) lines.push('[remote "origin"]', `	url = ${quote(p.originUrl)}`);
  return lines.join("\n") + "\n";
}
function isRelativePath(url) {
  return url !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+:/.test(url) && !path3.isAbsolute(url);
}
function quote(value) {
  if (/[\n\r\0]/.test(value)) throw new Error(`a git setting holds a line break: ${JSON.stringify(value.slice(0, 80))}`);
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
function readLines(file) {
  try {
    return readFileSync2(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

// src/git/index.ts
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
var Git = class {
  constructor(cwd, redact = (t) => t, opts = {}) {
    this.cwd = cwd;
    this.redact = redact;
    this.opts = opts;
  }
  cwd;
  redact;
  opts;
  own;
  draft;
  privateIndex;
  sharedIndex;
  /** The writes the head commit was made from, and what that commit said: the same writes again make no commit. */
  lastCommit;
  changed = /* @__PURE__ */ new Map();
  /** What prepare() started: HEAD's commit when the workspace was found clean at it ('' when not), and the refreshed copy of its index. */
  prepared;
  claimed;
  seeding;
  /** The tools' first listing, read while the run starts (earlyListing). */
  early;
  /** git in the workspace. */
  async exec(args, opts = {}) {
    return (await this.runHere(args, opts)).stdout;
  }
  /** git in the workspace, for commands whose exit code is the answer. */
  async execCode(args, opts) {
    return (await this.runHere(args, opts)).code;
  }
  runHere(args, opts) {
    const env = { ...opts.env, ...opts.auth ? authEnv(opts.auth) : {} };
    return runGit(args, { cwd: this.cwd, input: opts.input, env, okCodes: opts.okCodes, signal: opts.signal, redact: this.redact, userConfig: this.opts.userConfig });
  }
  /** git in the action's own repository (same objects; its own config, refs and index; remote `origin` as pinned). */
  async execOwn(args, opts = {}) {
    const own = await this.ownRepo();
    const env = { ...opts.env, ...opts.auth ? authEnv(opts.auth) : {} };
    return (await own.run(args, { input: opts.input, env, index: opts.index })).stdout;
  }
  /** Made on first use, which is before the test command first runs (the ledger read or the branch start). */
  ownRepo() {
    this.own ??= OwnRepo.create(this.cwd, this.redact, this.opts.userConfig);
    return this.own;
  }
  /** The private index the drafter's tools list tracked files from (after a branch was started). */
  async indexFile() {
    const own = await this.ownRepo();
    if (this.draft) this.privateIndex?.restore(this.draft.head);
    return own.indexFile;
  }
  /**
   * Fetches `base` from origin and points `branch` at it, checked out. Returns the base
   * commit and where `branch` stood on origin (the lease for the push; '' when absent).
   * `known`: what the caller read from origin at the start of the run (remoteRefs): the
   * branch's lease, and base's tip, whose fetch is skipped when the checkout has it already
   * (actions/checkout fetched it a moment ago). A shallow checkout is fetched shallow; a full one stays full.
   */
  async startBranch(base, branch, auth, known) {
    const tracking = `refs/remotes/origin/${base}`;
    const local = known?.baseTip ? await this.exec(["rev-parse", "--verify", "--quiet", `${tracking}^{commit}`]).then((o) => o.trim(), () => "") : "";
    let baseSha = local;
    if (!local || local !== known?.baseTip) {
      const { shallow } = (await this.ownRepo()).pinned;
      await this.exec(["fetch", "--no-tags", ...shallow ? ["--depth=1"] : [], "origin", `+refs/heads/${base}:${tracking}`], { auth });
      baseSha = (await this.exec(["rev-parse", "--verify", `${tracking}^{commit}`])).trim();
    }
    const [, own] = await Promise.all([this.checkoutAt(branch, baseSha), this.seedPrivateIndex(baseSha)]);
    this.startDraft(own, branch, baseSha, { checkedOut: true });
    return { baseSha, remoteSha: known ? known.remoteSha : await this.remoteSha(branch, auth) };
  }
  /**
   * Starts, before the run is certain, what only reads the workspace, while GitHub answers
   * the first questions: the workspace's settings (the own repository), whether it is exactly
   * its HEAD commit (index and tracked files; untracked files do not count), and the private
   * index seeded with HEAD's tree (base, unless origin moved on). Nothing in .git is written:
   * the index's stat data is refreshed in a copy, which claim() puts in place.
   */
  prepare() {
    if (!this.prepared) {
      const controller = new AbortController();
      const found = this.inspectWorkspace(controller.signal).catch(() => ({ head: "", copy: void 0 }));
      this.prepared = { controller, cleanHead: found.then((r) => r.head), copy: found.then((r) => r.copy) };
    }
    return this.prepared.copy.then(() => this.seeding?.catch(() => {
    }));
  }
  /** The run was skipped: what prepare() started is stopped (its copy is in the temp dir). */
  abandon() {
    if (!this.claimed) this.prepared?.controller.abort();
  }
  /**
   * The run is certain: the refreshed copy of the workspace's index replaces it, as the
   * `git update-index --refresh` it ran would have done in place. A fresh checkout's
   * entries are "racily clean" (written in the second the index was), and every later
   * command that reads or writes the index would otherwise hash those files again (a few
   * hundred ms at 30,000 files). Taken under git's own lock, and only when the index is
   * still the file that was copied.
   */
  claim() {
    this.claimed ??= (this.prepared?.copy ?? Promise.resolve(void 0)).then((copy) => {
      if (copy) adoptIndex(copy);
    });
    return this.claimed;
  }
  async inspectWorkspace(signal) {
    const own = await this.ownRepo();
    const copy = copyIndex(own.pinned.workspaceIndex, path4.join(path4.dirname(own.indexFile), "workspace-index"));
    const head = this.exec(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { signal }).then((o) => o.trim());
    if (!copy) {
      this.seed(head.then((sha) => this.readPrivateIndex(own, sha, signal)));
      return { head: "" };
    }
    const copied = fingerprint(copy.file);
    const env = { GIT_INDEX_FILE: copy.file };
    const found = Promise.all([
      head,
      this.execCode(["-c", "core.splitIndex=false", "update-index", "--refresh"], { env, okCodes: [1], signal }),
      this.execCode(["diff-index", "--cached", "--quiet", "--ignore-submodules=none", "HEAD", "--"], { env, okCodes: [1], signal })
    ]).then(([sha, refresh, staged]) => ({ head: refresh === 0 && staged === 0 ? sha : "", copy }));
    this.seed(
      found.catch(() => ({ head: "" })).then(async (r) => {
        const index = new PrivateIndex(own.indexFile);
        const whole = fingerprint(copy.file) !== copied || !mayBeSplit(own.pinned.workspaceIndex);
        if (r.head !== "" && !own.pinned.sparseCheckout && whole && index.copyFrom(copy.file, r.head)) {
          this.privateIndex = index;
        } else await this.readPrivateIndex(own, await head, signal);
        if (r.head !== "") this.listEarly(own, r.head, signal);
      })
    );
    return found;
  }
  /**
   * `branch` at `sha`, checked out, the index holding exactly its tree. Where the workspace is
   * already that commit and clean (actions/checkout left it so), moving HEAD is the whole
   * checkout; otherwise a forced checkout puts back what an earlier step changed.
   */
  async checkoutAt(branch, sha) {
    await this.claimed;
    if (this.prepared && await this.prepared.cleanHead === sha) {
      await this.exec(["update-ref", "-m", "draft-review: branch", `refs/heads/${branch}`, sha]);
      await this.exec(["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
      return;
    }
    await this.forceCheckout(branch, sha);
  }
  /** `branch` at `sha`, checked out with --force: what an earlier step changed is put back. */
  async forceCheckout(branch, sha) {
    await this.claimed;
    await this.exec(["checkout", "--quiet", "--force", "--no-track", "-B", branch, sha]);
  }
  /** Local mode: branches off the current HEAD, with no fetch. Refuses a tree with uncommitted changes. */
  async startLocalBranch(branch, start = "HEAD") {
    await this.ownRepo();
    const dirty = await this.exec(["status", "--porcelain", "--untracked-files=no"]);
    if (dirty.trim()) throw new Error("the working tree has uncommitted changes: commit or stash them first, so that the draft starts from a known state");
    const previous = (await this.exec(["rev-parse", "--abbrev-ref", "HEAD"])).trim();
    const baseSha = (await this.exec(["rev-parse", "--verify", `${start}^{commit}`])).trim();
    await this.exec(["checkout", "--quiet", "--no-track", "-B", branch, baseSha]);
    await this.beginDraft(branch, baseSha);
    return { baseSha, previous };
  }
  /**
   * From here on this run commits to `branch`, on top of `start` (the base, or the tip of a
   * branch being continued), already checked out. The pre-push check covers what follows
   * `start`. Called before the test command first runs: the shallow boundary is taken now.
   * `checkedOut`: a forced checkout of `start` has just made the workspace's index hold
   * exactly its tree.
   */
  async beginDraft(branch, start, opts = {}) {
    this.startDraft(await this.seedPrivateIndex(start), branch, start, opts);
  }
  /** The shallow boundary taken and the private index holding `start` (after any fetch). */
  async seedPrivateIndex(start) {
    const own = await this.ownRepo();
    own.syncShallow();
    await this.seeding?.catch(() => {
    });
    if (!this.privateIndex?.restore(start)) await this.readPrivateIndex(own, start);
    return own;
  }
  /**
   * The listing the drafter's tools start from (./workspace/tracked.ts runs the same two
   * commands), read from the private index as soon as it holds HEAD's tree, while GitHub
   * and origin answer: about 100 ms at 30,000 files off the run's way. Not awaited.
   */
  listEarly(own, commit, signal) {
    const env = { GIT_INDEX_FILE: own.indexFile };
    const out = Promise.all([
      this.exec(["ls-files", "--cached", "--stage", "-z"], { env, signal }),
      this.exec(["ls-files", "--others", "--exclude-standard", "-z"], { env, signal })
    ]).then(([cached, others]) => ({ cached, others }));
    out.catch(() => {
    });
    this.early = { commit, out };
  }
  /**
   * The listing read while the run started, once: only while the workspace is still the clean
   * checkout it was read from and the branch starts there (startsClean), else undefined.
   */
  async earlyListing() {
    const early = this.early;
    this.early = void 0;
    if (!early || this.draft?.start !== early.commit || !await this.startsClean()) return void 0;
    return early.out.catch(() => void 0);
  }
  /** What prepare() started to fill the private index with HEAD's tree; its failure is met later (seedPrivateIndex reads the tree). */
  seed(seeding) {
    this.seeding = seeding;
    seeding.catch(() => {
    });
  }
  async readPrivateIndex(own, commit, signal) {
    const index = new PrivateIndex(own.indexFile);
    this.privateIndex = index;
    await own.run(["read-tree", commit], { index: true, signal });
    if (this.privateIndex === index) index.wrote(commit);
  }
  /** Once the workspace is on `branch` at `start`. */
  startDraft(own, branch, start, opts) {
    this.sharedIndex = new SharedIndex(own.pinned.workspaceIndex);
    if (opts.checkedOut) this.sharedIndex.holdsNow(start);
    this.draft = { branch, start, head: start };
  }
  /**
   * The workspace is the clean checkout of the branch's start, as prepare() found it, and
   * this run has not committed: every file the private index lists is on disk.
   */
  async startsClean() {
    const draft = this.draft;
    if (!draft || !this.prepared || draft.head !== draft.start) return false;
    return await this.prepared.cleanHead === draft.start;
  }
  /** Where this run's own commits start; undefined before a branch was started. */
  get draftStart() {
    return this.draft?.start;
  }
  /** This run's last commit (the start when none yet). */
  get head() {
    return this.draft?.head;
  }
  async remoteSha(branch, auth) {
    return (await this.remoteRefs([branch], auth)).get(branch) ?? "";
  }
  /** Where these branches stand on origin, in one round trip; a branch origin lacks is absent. */
  async remoteRefs(branches, auth) {
    const out = await this.execOwn(["ls-remote", "origin", ...branches.map((b) => `refs/heads/${b}`)], { auth });
    const found = /* @__PURE__ */ new Map();
    for (const line of out.split("\n")) {
      const [sha = "", ref = ""] = line.split("	");
      if (ref.startsWith("refs/heads/") && branches.includes(ref.slice("refs/heads/".length))) found.set(ref.slice("refs/heads/".length), sha.trim());
    }
    return found;
  }
  /**
   * Commits exactly what the drafter wrote (the bytes its tools kept), on top of this run's
   * last commit, and moves the branch there. Paths git ignores, paths inside a submodule
   * and scratch files created and deleted again are left out, not failed on.
   */
  async commitWrites(writes, message) {
    const draft = this.requireDraft();
    const last = this.lastCommit;
    if (last && last.head === draft.head && sameWrites(writes, last.writes)) return { ...last.made, sha: draft.head, changed: false, indexInfo: "" };
    const own = await this.ownRepo();
    const index = this.privateIndex;
    const parent = draft.head;
    let made;
    try {
      made = await commitDraft({
        own,
        parent,
        writes,
        message,
        author: { name: BOT_NAME, email: BOT_EMAIL },
        ignored: (paths) => this.ignoredUntracked(paths, own.indexFile),
        indexHoldsParent: index?.restore(parent, true) ?? false
      });
    } catch (e) {
      index?.forget();
      throw e;
    }
    index?.wrote(made.sha);
    if (made.changed) {
      draft.head = made.sha;
      await this.syncWorkspace(draft, parent, made.indexInfo);
    }
    this.lastCommit = { head: draft.head, writes: new Map(writes), made };
    return made;
  }
  /** The change from `from` to this run's head, with `context` lines around each hunk. */
  async diff(from, context = 10) {
    return this.execOwn(["diff", `-U${context}`, "--no-color", "--no-ext-diff", "--no-textconv", from, await this.tip(), "--"]);
  }
  /** Paths that differ between `from` and this run's head (both sides of a rename). */
  async changedFiles(from) {
    const to = await this.tip();
    const key = `${from}..${to}`;
    if (!this.changed.has(key)) {
      const out = this.execOwn(["diff", "--name-only", "--no-renames", "-z", from, to, "--"]).then((o) => o.split("\0").filter(Boolean));
      out.catch(() => this.changed.delete(key));
      this.changed.set(key, out);
    }
    return [...await this.changed.get(key)];
  }
  /**
   * Replaces the remote branch with this run's head (a re-run starts the branch anew), but
   * only if it still stands where it stood when this run began: a run that overlapped ours
   * is not overwritten. Throws LeaseLost then.
   */
  async push(branch, lease, auth) {
    try {
      await this.execOwn(["push", "--quiet", `--force-with-lease=refs/heads/${branch}:${lease}`, "origin", `${await this.tip()}:refs/heads/${branch}`], { auth });
    } catch (e) {
      if (e instanceof GitError && /stale info|\[rejected\]|fetch first|non-fast-forward/.test(e.stderr)) throw new LeaseLost(branch);
      throw e;
    }
  }
  requireDraft() {
    if (!this.draft) throw new Error("no branch was started for this run");
    return this.draft;
  }
  async tip() {
    return this.draft?.head ?? (await this.exec(["rev-parse", "HEAD"])).trim();
  }
  /**
   * The branch, HEAD and the shared index follow this run's commit, so the workspace reads
   * as committed for the next test run; files on disk are not touched (no filters run).
   */
  async syncWorkspace(draft, parent, indexInfo) {
    const shared = this.sharedIndex;
    try {
      const index = shared?.holds(parent) ? this.exec(["update-index", "-z", "--index-info"], { input: indexInfo }) : this.exec(["read-tree", "--reset", draft.head]);
      const onBranch = headFileSays((await this.ownRepo()).pinned.workspaceHead, `refs/heads/${draft.branch}`);
      await Promise.all([
        this.exec(["update-ref", "-m", "draft-review: draft", `refs/heads/${draft.branch}`, draft.head]).then(
          () => (
            // HEAD is on the branch since the checkout, unless the test command moved it.
            onBranch ? void 0 : this.exec(["symbolic-ref", "HEAD", `refs/heads/${draft.branch}`])
          )
        ),
        index
      ]);
      shared?.holdsNow(draft.head);
    } catch {
      shared?.forget();
    }
  }
  /** The subset of `paths` that git ignores and that the index does not track. */
  async ignoredUntracked(paths, indexFile) {
    if (paths.length === 0) return /* @__PURE__ */ new Set();
    const out = await this.exec(["check-ignore", "-z", "--stdin"], { input: paths.join("\0") + "\0", env: { GIT_INDEX_FILE: indexFile }, okCodes: [1] });
    return new Set(out.split("\0").filter(Boolean));
  }
};
function headFileSays(file, ref) {
  try {
    return file !== "" && readFileSync3(file, "utf8") === `ref: ${ref}
`;
  } catch {
    return false;
  }
}
function sameWrites(a, b) {
  if (a.size !== b.size) return false;
  for (const [p, bytes] of a) {
    if (!b.has(p)) return false;
    const other = b.get(p) ?? null;
    if (bytes === null || other === null ? bytes !== other : !bytes.equals(other)) return false;
  }
  return true;
}
var LeaseLost = class extends Error {
  constructor(branch) {
    super(`${branch} changed on origin while this run worked (another run for the same issue?)`);
    this.branch = branch;
    this.name = "LeaseLost";
  }
  branch;
};
function authEnv(auth) {
  const key = `http.${auth.serverUrl.replace(/\/+$/, "")}/.extraheader`;
  const basic = Buffer.from(`x-access-token:${auth.token}`).toString("base64");
  return {
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: "",
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`
  };
}
function mayBeSplit(indexFile) {
  try {
    return readdirSync(path4.dirname(indexFile)).some((name) => name.startsWith("sharedindex."));
  } catch {
    return true;
  }
}

// src/history.ts
var usageLineSchema = object({
  role: string(),
  model: string(),
  calls: number().int(),
  inputTokens: number(),
  outputTokens: number(),
  cacheReadTokens: number(),
  cacheWriteTokens: number(),
  costUsd: number()
});
var ledgerRecordSchema = object({
  version: literal(1),
  issue: number().int(),
  category: string(),
  mode: _enum(["changes", "tests"]),
  drafterModels: array(string()),
  reviewerModel: string(),
  drafts: number().int(),
  reviews: number().int(),
  rejections: number().int(),
  /** The first review's verdict; null when nothing was reviewed. */
  firstDraftApproved: boolean().nullable(),
  costUsd: number(),
  premiumOnlyCostUsd: number(),
  /** The drafter calls' tokens at the reviewer's prices; absent in records written before it existed. */
  premiumAloneCostUsd: number().optional(),
  /** Token counts per (role, model); absent in older records. */
  usage: array(usageLineSchema).optional(),
  /** Reviews and rejections per drafter model whose draft was reviewed; absent in older records. */
  reviewsByDrafter: record(string(), object({ reviews: number().int(), rejections: number().int() })).optional(),
  /** The triage step's answer and what came of it; absent when triage was off. */
  triage: object({
    kind: string(),
    /** The tier the triage proposed and the one the run started on, as models; proposed null when its answer was unusable. */
    proposed: string().nullable(),
    used: string(),
    chosenBy: _enum(["triage", "label", "history", "default"])
  }).optional(),
  stopReason: string(),
  time: string(),
  runId: string()
});
var SPLIT_WORKS_AT = 0.8;
var PREMIUM_ABOVE = 0.4;
var MIN_RUNS_TO_JUDGE = 5;
function statsOf(records) {
  const reviewed = records.filter((r) => r.firstDraftApproved !== null);
  const reviews = sum(records, (r) => r.reviews);
  const rejections = sum(records, (r) => r.rejections);
  const costUsd = roundUsd(sum(records, (r) => r.costUsd));
  const premiumOnlyCostUsd = roundUsd(sum(records, (r) => r.premiumOnlyCostUsd));
  const firstDraftApprovalRate = reviewed.length ? reviewed.filter((r) => r.firstDraftApproved).length / reviewed.length : null;
  const rejectRate = reviews ? rejections / reviews : null;
  const withAlone = records.filter((r) => r.premiumAloneCostUsd !== void 0);
  return {
    runs: records.length,
    reviewedRuns: reviewed.length,
    firstDraftApprovalRate,
    reviews,
    rejections,
    rejectRate,
    costUsd,
    premiumOnlyCostUsd,
    savedUsd: roundUsd(premiumOnlyCostUsd - costUsd),
    premiumAloneCostUsd: roundUsd(sum(withAlone, (r) => r.premiumAloneCostUsd ?? 0)),
    costOfAloneRunsUsd: roundUsd(sum(withAlone, (r) => r.costUsd)),
    premiumAloneRuns: withAlone.length,
    verdict: verdictOf(reviewed.length, firstDraftApprovalRate, rejectRate)
  };
}
function verdictOf(reviewedRuns, approval, rejectRate) {
  if (reviewedRuns < MIN_RUNS_TO_JUDGE || approval === null || rejectRate === null) return "too-few";
  if (rejectRate > PREMIUM_ABOVE) return "premium";
  if (approval >= SPLIT_WORKS_AT) return "split-works";
  return "borderline";
}
function verdictWords(s) {
  switch (s.verdict) {
    case "split-works":
      return `The split works for this kind of task: the reviewer approved ${pct(s.firstDraftApprovalRate)} of first drafts (80% or more).`;
    case "premium":
      return `This kind of task belongs to the premium model: the reviewer rejected ${pct(s.rejectRate)} of drafts (more than 40%).`;
    case "borderline":
      return `Borderline: ${pct(s.firstDraftApprovalRate)} of first drafts approved (the split works at 80%), ${pct(s.rejectRate)} of drafts rejected (premium above 40%).`;
    case "too-few":
      return `Too few reviewed runs to judge yet (${s.reviewedRuns} of ${MIN_RUNS_TO_JUDGE}).`;
  }
}
function categoryOf(labels, categoryLabels) {
  return categoryLabels.find((c) => labels.includes(c)) ?? "uncategorized";
}
function sameKind(r, category, mode) {
  return r.category === category && r.mode === mode;
}
function recentRejectRate(records, window, tier) {
  const counts = (r) => tier && r.reviewsByDrafter ? r.reviewsByDrafter[tier] ?? { reviews: 0, rejections: 0 } : r;
  const recent = records.filter((r) => counts(r).reviews > 0).slice(-window);
  const reviews = sum(recent, (r) => counts(r).reviews);
  return { rate: reviews ? sum(recent, (r) => counts(r).rejections) / reviews : null, runs: recent.length };
}
function pct(x) {
  return x === null ? "n/a" : `${Math.round(x * 1e3) / 10}%`;
}
function sum(xs, f) {
  return xs.reduce((a, x) => a + f(x), 0);
}
function chooseStartTier(ladder, history, opts) {
  if (!opts.enabled || ladder.length < 2) return { tier: 0, reason: "" };
  const { rate, runs } = recentRejectRate(history, opts.window, ladder[0]);
  if (rate === null || runs < Math.min(MIN_RUNS_TO_JUDGE, opts.window) || rate <= opts.threshold) return { tier: 0, reason: "" };
  return {
    tier: 1,
    reason: `Routed to ${ladder[1]}: ${ladder[0]}'s recent reject rate on this kind of task is ${pct(rate)} over ${runs} reviewed runs, above route-reject-threshold ${pct(opts.threshold)}.`
  };
}

// src/ledger.ts
import { setTimeout as sleep } from "node:timers/promises";
var LEDGER_BRANCH = "draft-review/ledger";
var LEDGER_FILE = "ledger.jsonl";
var MAX_RECORDS = 5e3;
var LOCAL_REF = "refs/draft-review/ledger";
var Ledger = class {
  constructor(git, auth, maxRecords = MAX_RECORDS) {
    this.git = git;
    this.auth = auth;
    this.maxRecords = maxRecords;
  }
  git;
  auth;
  maxRecords;
  /** What the last read found: an append tries on it first, as the push is fast-forward only. */
  last;
  async read() {
    const tip = await this.fetchTip();
    const text = tip ? await this.git.execOwn(["cat-file", "blob", `${tip}:${LEDGER_FILE}`]).catch(() => "") : "";
    this.last = { records: tip ? parseLedger(text) : [], tip };
    return this.last;
  }
  /**
   * Appends one record; retries on a concurrent append until it lands. The first try builds
   * on what this run read at its start: if another run appended since, the push is refused
   * (not a fast-forward) and the next try reads the ledger again.
   */
  async append(record2, attempts = 8) {
    for (let attempt = 1; ; attempt++) {
      const { records, tip } = attempt === 1 && this.last ? this.last : await this.read();
      const next = [...records, record2].slice(-this.maxRecords);
      const commit = await this.commit(next, tip, `ledger: issue #${record2.issue} (${record2.stopReason}) run ${record2.runId}`);
      try {
        await this.git.execOwn(["push", "--quiet", "origin", `${commit}:refs/heads/${LEDGER_BRANCH}`], { auth: this.auth });
        this.last = { records: next, tip: commit };
        return;
      } catch (e) {
        if (!(e instanceof GitError) || attempt >= attempts) throw e;
        await sleep(50 + Math.random() * 200 * attempt);
      }
    }
  }
  async fetchTip() {
    try {
      await this.git.execOwn(["fetch", "--quiet", "--no-tags", "--depth=1", "origin", `+refs/heads/${LEDGER_BRANCH}:${LOCAL_REF}`], { auth: this.auth });
    } catch (e) {
      if (e instanceof GitError && /couldn't find remote ref|not our ref|no such ref/i.test(e.stderr)) return "";
      throw e;
    }
    return (await this.git.execOwn(["rev-parse", LOCAL_REF])).trim();
  }
  async commit(records, parent, message) {
    const text = records.map((r) => JSON.stringify(r)).join("\n") + "\n";
    const blob = (await this.git.execOwn(["hash-object", "-w", "--stdin"], { input: text })).trim();
    const tree = (await this.git.execOwn(["mktree"], { input: `100644 blob ${blob}	${LEDGER_FILE}
` })).trim();
    const args = ["-c", `user.name=${BOT_NAME}`, "-c", `user.email=${BOT_EMAIL}`, "commit-tree", tree, "-m", message];
    if (parent) args.push("-p", parent);
    return (await this.git.execOwn(args)).trim();
  }
};
function parseLedger(text) {
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = ledgerRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
    }
  }
  return out;
}

// src/charts.ts
function costPerIteration(calls) {
  const out = [];
  let current;
  let previousRole;
  for (const c of calls) {
    if (!current || c.role === "drafter" && previousRole === "reviewer") {
      current = { iteration: out.length + 1, drafterUsd: 0, reviewerUsd: 0 };
      out.push(current);
    }
    if (c.role === "reviewer") current.reviewerUsd += c.costUsd;
    else current.drafterUsd += c.costUsd;
    previousRole = c.role;
  }
  return out;
}
function axisMax(values) {
  const max = Math.max(0, ...values);
  if (max === 0) return 0.01;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max * 1.1 / magnitude) * magnitude;
}
var n = (x) => String(Math.round(x * 1e4) / 1e4);
var ROLE_COLOURS = { reviewer: "#d1641c", drafter: "#2f7ee8" };
function iterationChart(iterations) {
  if (iterations.length === 0) return "";
  const d = iterations.map((i) => i.drafterUsd);
  const total = iterations.map((i) => i.drafterUsd + i.reviewerUsd);
  return [
    "```mermaid",
    "---",
    "config:",
    "  xyChart:",
    "    showLegend: true",
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${ROLE_COLOURS.reviewer}, ${ROLE_COLOURS.drafter}"`,
    "---",
    "xychart-beta",
    '    title "Cost per iteration"',
    `    x-axis "iteration" [${iterations.map((i) => `"${i.iteration}"`).join(", ")}]`,
    `    y-axis "cost (USD)" 0 --> ${n(axisMax(total))}`,
    `    bar "reviewer" [${total.map(n).join(", ")}]`,
    `    bar "drafter" [${d.map(n).join(", ")}]`,
    "```"
  ].join("\n");
}
function barChart(title, bars) {
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis [${bars.map(([l]) => `"${l.replace(/"/g, "'")}"`).join(", ")}]`,
    `    y-axis "USD" 0 --> ${n(axisMax(bars.map(([, v]) => v)))}`,
    `    bar [${bars.map(([, v]) => n(v)).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/cost/usd.ts
function usd(n2) {
  if (n2 === 0) return "$0";
  return n2 < 0.01 ? `$${n2.toFixed(4)}` : `$${n2.toFixed(n2 < 1 ? 3 : 2)}`;
}

// src/cost/model-name.ts
function modelName(id) {
  const model = id.slice(id.indexOf(":") + 1);
  const claude = /^claude-([a-z]+)-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(model);
  if (claude) {
    const family = claude[1].charAt(0).toUpperCase() + claude[1].slice(1);
    return `${family} ${claude[2]}${claude[3] ? `.${claude[3]}` : ""}`;
  }
  return model;
}

// src/cost/baselines.ts
function signedChange(savingsPct) {
  if (savingsPct === 0) return "\xB10%";
  return savingsPct > 0 ? `\u2212${savingsPct}%` : `+${-savingsPct}%`;
}
function premiumOnlyWords(t, reviewer) {
  return `At ${modelName(reviewer)} prices: ${usd(t.premiumOnlyCostUsd)} (${signedChange(t.savingsPct)})`;
}
function premiumAloneWords(t, reviewer) {
  return `${modelName(reviewer)} drafting alone, no review: ${usd(t.premiumAloneCostUsd)} (${signedChange(t.savingsVsAlonePct)})`;
}
function dearerThanAlone(t) {
  return t.premiumAloneCostUsd > 0 && t.costUsd > t.premiumAloneCostUsd;
}
function dearerWords(t, reviewer) {
  if (!dearerThanAlone(t)) return "";
  return `This run cost ${-t.savingsVsAlonePct}% more than ${modelName(reviewer)} drafting alone with no review would have (${usd(t.costUsd)} vs ${usd(t.premiumAloneCostUsd)}).`;
}
function costLine(t, reviewer) {
  return `Cost ${usd(t.costUsd)} \xB7 ${premiumOnlyWords(t, reviewer)} \xB7 ${premiumAloneWords(t, reviewer)}`;
}

export {
  require_picomatch2 as require_picomatch,
  normalizeToolPath,
  isInsideGitDir,
  checkWrite,
  pushViolations,
  GitError,
  hardeningArgs,
  gitEnv,
  runGit,
  BOT_EMAIL,
  Git,
  LeaseLost,
  SPLIT_WORKS_AT,
  MIN_RUNS_TO_JUDGE,
  statsOf,
  verdictWords,
  categoryOf,
  sameKind,
  recentRejectRate,
  pct,
  chooseStartTier,
  Ledger,
  costPerIteration,
  iterationChart,
  barChart,
  usd,
  modelName,
  signedChange,
  premiumOnlyWords,
  premiumAloneWords,
  dearerWords,
  costLine
};
