#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  Anthropic
} from "./chunk-WBWR4WR4.js";
import {
  STREAM_FROM_TOKENS,
  anthropicToolId
} from "./chunk-KRPKXHJY.js";
import "./chunk-I4BPBFEM.js";

// src/providers/anthropic.ts
var EPHEMERAL = { type: "ephemeral" };
var REFUSES_EFFORT = /^claude-(?:(?:haiku-4-5|sonnet-4-5|opus-4-1|opus-4-0|sonnet-4-0|opus-4|sonnet-4)(?:-\d{8})?$|3)/;
var AnthropicModel = class {
  constructor(model, opts) {
    this.model = model;
    this.id = `anthropic:${model}`;
    this.timeoutMs = opts.timeoutMs;
    this.client = new Anthropic({
      apiKey: opts.apiKey,
      baseURL: opts.baseUrl,
      maxRetries: opts.maxRetries,
      timeout: opts.timeoutMs
    });
  }
  model;
  id;
  client;
  timeoutMs;
  async complete(req, signal) {
    const body = {
      model: this.model,
      max_tokens: req.maxTokens,
      // The system prompt (with the tools before it) is the stable prefix: cache it.
      system: [{ type: "text", text: req.system, cache_control: EPHEMERAL }],
      messages: toAnthropicMessages(req.messages, req.cacheHistory ?? true, this.id, req.cacheMarks)
    };
    if (req.tools?.length) {
      body.tools = req.tools.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters
      }));
    }
    const config = {};
    if (req.answerSchema) {
      config.format = { type: "json_schema", schema: req.answerSchema.schema };
    }
    if (req.effort && !REFUSES_EFFORT.test(this.model)) config.effort = req.effort;
    if (Object.keys(config).length > 0) body.output_config = config;
    const options = { timeout: this.timeoutMs, signal };
    if (req.maxTokens < STREAM_FROM_TOKENS) return replyOf(await this.client.messages.create(body, options), this.id);
    const stream = () => this.client.messages.stream(body, options).finalMessage();
    try {
      return replyOf(await stream(), this.id);
    } catch (e) {
      if (!brokenStream(e) || signal?.aborted) throw e;
      return replyOf(await stream(), this.id);
    }
  }
};
function brokenStream(e) {
  return e instanceof Anthropic.APIError && e.status === void 0 && !(e instanceof Anthropic.APIConnectionError) && !(e instanceof Anthropic.APIUserAbortError);
}
function replyOf(msg, modelId) {
  const toolCalls = [];
  const thinking = [];
  let text = "";
  for (const block of msg.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use") toolCalls.push({ id: block.id, name: block.name, input: block.input });
    else if (block.type === "thinking") thinking.push({ type: "thinking", thinking: block.thinking, signature: block.signature });
    else if (block.type === "redacted_thinking") thinking.push({ type: "redacted_thinking", data: block.data });
  }
  const stop = stopKind(msg.stop_reason);
  return {
    text,
    toolCalls,
    stop,
    ...thinking.length ? { reasoning: { kind: "anthropic", model: modelId, blocks: thinking } } : {},
    ...stop === "refusal" ? { refusal: text.trim() } : {},
    usage: {
      input: msg.usage.input_tokens,
      output: msg.usage.output_tokens,
      cacheRead: msg.usage.cache_read_input_tokens ?? 0,
      cacheWrite: msg.usage.cache_creation_input_tokens ?? 0
    }
  };
}
function stopKind(reason) {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "end";
    case "tool_use":
      return "tool_use";
    case "max_tokens":
      return "max_tokens";
    case "pause_turn":
      return "pause";
    case "refusal":
      return "refusal";
    case "model_context_window_exceeded":
      return "context_full";
    default:
      return "other";
  }
}
function toAnthropicMessages(messages, cacheHistory = true, modelId, cacheMarks = []) {
  const out = [];
  const marked = /* @__PURE__ */ new Set();
  const push = (role, blocks) => {
    const last2 = out[out.length - 1];
    if (last2?.role === role && Array.isArray(last2.content)) last2.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const [i, m] of messages.entries()) {
    if (i > 0 && cacheMarks.includes(i - 1) && cacheHistory && out.length > 0) marked.add(out.length - 1);
    if (m.role === "user") {
      push("user", [{ type: "text", text: m.text.trim() ? m.text : "(empty)", ...m.cacheBreakpoint ? { cache_control: EPHEMERAL } : {} }]);
    } else if (m.role === "tool") {
      push(
        "user",
        m.results.map((r) => ({
          type: "tool_result",
          tool_use_id: anthropicToolId(r.callId),
          content: r.content.trim() ? r.content : "(no output)",
          ...r.isError ? { is_error: true } : {}
        }))
      );
    } else {
      const blocks = [];
      if (m.text.trim()) blocks.push({ type: "text", text: m.text });
      for (const c of m.toolCalls) {
        const input = c.invalidJson === void 0 && isObject(c.input) ? c.input : {};
        blocks.push({ type: "tool_use", id: anthropicToolId(c.id), name: c.name, input });
      }
      if (blocks.length === 0) continue;
      const own = m.reasoning?.kind === "anthropic" && modelId !== void 0 && m.reasoning.model === modelId;
      if (own && m.reasoning?.kind === "anthropic") blocks.unshift(...m.reasoning.blocks.map((b) => ({ ...b })));
      push("assistant", blocks);
    }
  }
  const last = out[out.length - 1];
  if (last?.role === "assistant" && Array.isArray(last.content)) {
    const tail = last.content[last.content.length - 1];
    if (tail?.type === "text") tail.text = tail.text.trimEnd();
  }
  if (cacheHistory && out.length > 0) marked.add(out.length - 1);
  for (const n of [...marked].slice(-3)) {
    const content = out[n]?.content;
    if (!Array.isArray(content) || content.length === 0) continue;
    const block = content[content.length - 1];
    if (block.type === "text" || block.type === "tool_result") block.cache_control = EPHEMERAL;
  }
  return out;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
export {
  AnthropicModel,
  replyOf,
  toAnthropicMessages
};
