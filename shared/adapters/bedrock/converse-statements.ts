import {
  type BedrockRuntimeClient,
  type ContentBlock,
  ConverseCommand,
  type ConverseCommandInput,
  type ToolChoice,
} from '@aws-sdk/client-bedrock-runtime';
import type { ToolDefinition } from '../../domain/extraction/llm/prompt';
import type { ToolChoiceMode } from '../../domain/extraction/llm/tool-choice';
import type { TokenUsage } from '../../domain/extraction/llm/usage';

export type { ToolChoiceMode } from '../../domain/extraction/llm/tool-choice';

/**
 * Forcing the named tool (`tool`) is accepted by Anthropic Claude and Amazon Nova models; Mistral
 * Large accepts `any` (with one tool, the same thing); other models get `auto` and the prompt's
 * instruction to call the tool.
 */
export function defaultToolChoice(modelId: string): ToolChoiceMode {
  if (/(^|[.:/])anthropic\.|(^|[.:/])amazon\.nova/.test(modelId)) return 'tool';
  if (/(^|[.:/])mistral\./.test(modelId)) return 'any';
  return 'auto';
}

export interface ConverseStatementsRequest {
  modelId: string;
  system: string;
  message: string;
  tool: ToolDefinition;
  toolChoice: ToolChoiceMode;
  maxTokens: number;
  temperature: number;
  /** Structured-output enforcement of the tool schema (only some models accept it). */
  strict?: boolean;
}

export interface ConverseStatementsAnswer {
  /** What the model passed to the statements tool; undefined when it did not call it. */
  toolInput: unknown;
  stopReason: string | undefined;
  usage: Partial<TokenUsage>;
  latencyMs?: number;
}

const toolChoiceOf = (mode: ToolChoiceMode, name: string): ToolChoice =>
  mode === 'tool' ? { tool: { name } } : mode === 'any' ? { any: {} } : { auto: {} };

export function converseInput(request: ConverseStatementsRequest): ConverseCommandInput {
  return {
    modelId: request.modelId,
    system: [{ text: request.system }],
    messages: [{ role: 'user', content: [{ text: request.message }] }],
    inferenceConfig: { maxTokens: request.maxTokens, temperature: request.temperature },
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: request.tool.name,
            description: request.tool.description,
            // The SDK types the schema as a DocumentType; ours is plain JSON.
            inputSchema: { json: request.tool.inputSchema as never },
            ...(request.strict ? { strict: true } : {}),
          },
        },
      ],
      toolChoice: toolChoiceOf(request.toolChoice, request.tool.name),
    },
  };
}

/** One Converse call asking for the statements of one chunk. Errors are the SDK's, after its own retries. */
export async function converseStatements(
  client: BedrockRuntimeClient,
  request: ConverseStatementsRequest,
  abortSignal?: AbortSignal,
): Promise<ConverseStatementsAnswer> {
  const response = await client.send(new ConverseCommand(converseInput(request)), abortSignal ? { abortSignal } : {});
  const content: ContentBlock[] = response.output?.message?.content ?? [];
  const toolUse = content.find((block) => block.toolUse?.name === request.tool.name)?.toolUse;
  const usage = response.usage;
  return {
    toolInput: toolUse ? toolUse.input : jsonInText(content),
    stopReason: response.stopReason,
    usage: {
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      cacheReadInputTokens: usage?.cacheReadInputTokens ?? 0,
      cacheWriteInputTokens: usage?.cacheWriteInputTokens ?? 0,
    },
    ...(response.metrics?.latencyMs !== undefined ? { latencyMs: response.metrics.latencyMs } : {}),
  };
}

/**
 * A model that answered in text instead of calling the tool (`auto` tool choice) may still have
 * written the JSON: the first `{…}` holding "statements" is taken, and validated like a tool input.
 */
function jsonInText(content: ContentBlock[]): unknown {
  const text = content
    .map((block) => block.text ?? '')
    .join('\n')
    .trim();
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start || !text.includes('"statements"')) return undefined;
  return text.slice(start, end + 1);
}
