// What the emulator tests share: an emulator with the real SDK pointed at it (no SDK
// retries, so a refusal is seen as the server sent it), and the refusal itself.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { startAnthropicEmulator, startOpenAIEmulator, type ModelEmulator, type OpenAIEmulatorOptions } from '../../emulators/models'

/** The error a request failed with; a request that succeeds fails the test. */
export async function rejectedWith<E = Error>(p: Promise<unknown>): Promise<E> {
  try {
    await p
  } catch (e) {
    return e as E
  }
  throw new Error('expected the request to fail')
}

export const rejectedByAnthropic = (p: Promise<unknown>) => rejectedWith<InstanceType<typeof Anthropic.APIError>>(p)
export const rejectedByOpenAI = (p: Promise<unknown>) => rejectedWith<InstanceType<typeof OpenAI.APIError>>(p)

export const user = (content: string) => ({ role: 'user' as const, content })

export async function anthropicWithClient(apiKey: string, models?: string[]): Promise<{ emu: ModelEmulator; client: Anthropic }> {
  const emu = await startAnthropicEmulator({ apiKey, ...(models ? { models } : {}) })
  return { emu, client: new Anthropic({ apiKey, baseURL: emu.url, maxRetries: 0 }) }
}

/**
 * Starts Chat Completions emulators on demand, each with a client on it; every one started
 * is closed after each test (call it at the top of a test file).
 */
export function openaiEmulators(apiKey: string): (flavor?: OpenAIEmulatorOptions['flavor'], extra?: Omit<OpenAIEmulatorOptions, 'apiKey' | 'flavor'>) => Promise<{ e: ModelEmulator; c: OpenAI }> {
  const started: ModelEmulator[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((e) => e.close()))
  })
  return async (flavor, extra = {}) => {
    const e = await startOpenAIEmulator({ apiKey, flavor, ...extra })
    started.push(e)
    return { e, c: new OpenAI({ apiKey, baseURL: e.url, maxRetries: 0 }) }
  }
}
