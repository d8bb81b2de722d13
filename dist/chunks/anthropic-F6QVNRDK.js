#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  Anthropic
} from "./chunk-WBWR4WR4.js";
import "./chunk-I4BPBFEM.js";

// src/providers/anthropic.ts
var EPHEMERAL = { type: "ephemeral" };
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
      messages: toAnthropicMessages(req.messages, req.cacheHistory ?? true)
    };
    if (req.tools?.length) {
      body.tools = req.tools.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters
      }));
    }
    if (req.answerSchema) {
      body.output_config = { format: { type: "json_schema", schema: req.answerSchema.schema } };
    }
    const msg = await this.client.messages.create(body, { timeout: this.timeoutMs, signal });
    const toolCalls = [];
    let text = "";
    for (const block of msg.content) {
      if (block.type === "text") text += block.text;
      else if (block.type === "tool_use") toolCalls.push({ id: block.id, name: block.name, input: block.input });
    }
    return {
      text,
      toolCalls,
      stop: stopKind(msg.stop_reason),
      usage: {
        input: msg.usage.input_tokens,
        output: msg.usage.output_tokens,
        cacheRead: msg.usage.cache_read_input_tokens ?? 0,
        cacheWrite: msg.usage.cache_creation_input_tokens ?? 0
      }
    };
  }
};
function stopKind(reason) {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "end";
    case "tool_use":
      return "tool_use";
    case "max_tokens":
      return "max_tokens";
    default:
      return "other";
  }
}
function toAnthropicMessages(messages, cacheHistory = true) {
  const out = [];
  const pushUser = (blocks) => {
    const last2 = out[out.length - 1];
    if (last2?.role === "user" && Array.isArray(last2.content)) last2.content.push(...blocks);
    else out.push({ role: "user", content: blocks });
  };
  for (const m of messages) {
    if (m.role === "user") {
      pushUser([{ type: "text", text: m.text || "(empty)" }]);
    } else if (m.role === "tool") {
      pushUser(
        m.results.map((r) => ({
          type: "tool_result",
          tool_use_id: r.callId,
          content: r.content || "(no output)",
          ...r.isError ? { is_error: true } : {}
        }))
      );
    } else {
      const blocks = [];
      if (m.text) blocks.push({ type: "text", text: m.text });
      for (const c of m.toolCalls) {
        const input = c.invalidJson === void 0 && isObject(c.input) ? c.input : {};
        blocks.push({ type: "tool_use", id: c.id, name: c.name, input });
      }
      if (blocks.length === 0) blocks.push({ type: "text", text: "(no answer)" });
      out.push({ role: "assistant", content: blocks });
    }
  }
  const last = out[out.length - 1];
  if (cacheHistory && last && Array.isArray(last.content) && last.content.length > 0) {
    const block = last.content[last.content.length - 1];
    if (block.type === "text" || block.type === "tool_result") block.cache_control = EPHEMERAL;
  }
  return out;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
export {
  AnthropicModel,
  toAnthropicMessages
};
