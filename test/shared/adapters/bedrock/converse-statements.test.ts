import { describe, expect, it } from 'vitest';
import { converseInput, defaultToolChoice } from '../../../../shared/adapters/bedrock/converse-statements';

describe('tool choice by model', () => {
  it.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', 'tool'],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'tool'],
    ['amazon.nova-lite-v1:0', 'tool'],
    ['mistral.mistral-large-2407-v1:0', 'any'],
    ['meta.llama3-1-70b-instruct-v1:0', 'auto'],
  ])('%s → %s', (model, choice) => {
    expect(defaultToolChoice(model)).toBe(choice);
  });
});

describe('Converse request', () => {
  it('sends the system prompt, one user message and one tool, strict only when asked', () => {
    const tool = { name: 'record_statements', description: 'd', inputSchema: { type: 'object' } };
    const request = {
      modelId: 'm.x-v1:0',
      system: 'S',
      message: 'M',
      tool,
      toolChoice: 'any' as const,
      maxTokens: 100,
      temperature: 0,
    };
    expect(converseInput(request)).toEqual({
      modelId: 'm.x-v1:0',
      system: [{ text: 'S' }],
      messages: [{ role: 'user', content: [{ text: 'M' }] }],
      inferenceConfig: { maxTokens: 100, temperature: 0 },
      toolConfig: {
        tools: [
          { toolSpec: { name: 'record_statements', description: 'd', inputSchema: { json: { type: 'object' } } } },
        ],
        toolChoice: { any: {} },
      },
    });
    expect(converseInput({ ...request, strict: true }).toolConfig?.tools?.[0]?.toolSpec?.strict).toBe(true);
  });
});
