import { TOOL_CHOICE_MODES, type ToolChoiceMode } from '../domain/extraction/llm/tool-choice';

export const EXTRACTOR_KINDS = ['rules', 'bedrock', 'rules+bedrock'] as const;
export type ExtractorKind = (typeof EXTRACTOR_KINDS)[number];

export type ExtractorSettings =
  | { kind: 'rules' }
  | {
      kind: 'bedrock' | 'rules+bedrock';
      modelId: string;
      toolChoice?: ToolChoiceMode;
      deadlineSeconds?: number;
      region?: string;
    };

/** A model id, an inference profile id ("us.anthropic…") or an ARN: no spaces, nothing exotic. */
const BEDROCK_MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,255}$/;

/**
 * Reads and checks the extractor configuration: STANCEWATCH_EXTRACTOR (default "rules"), and for
 * "bedrock" / "rules+bedrock" STANCEWATCH_BEDROCK_MODEL plus the optional
 * STANCEWATCH_BEDROCK_REGION, STANCEWATCH_BEDROCK_TOOL_CHOICE, STANCEWATCH_BEDROCK_DEADLINE_SECONDS
 * (docs/bedrock.md). Cheap and free of heavy imports, so a function can fail fast at start-up on a
 * bad value and still build the extractor itself later. A missing or invalid value throws a message
 * saying which and what to set.
 */
export function extractorSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ExtractorSettings {
  const kind = (env.STANCEWATCH_EXTRACTOR?.trim() || 'rules') as ExtractorKind;
  if (kind === 'rules') return { kind };
  if (kind !== 'bedrock' && kind !== 'rules+bedrock') {
    throw new Error(
      `STANCEWATCH_EXTRACTOR=${String(kind)} is not an extractor; choose one of: ${EXTRACTOR_KINDS.join(', ')}`,
    );
  }
  const modelId = env.STANCEWATCH_BEDROCK_MODEL?.trim();
  if (!modelId) {
    throw new Error(
      `STANCEWATCH_EXTRACTOR=${kind} needs STANCEWATCH_BEDROCK_MODEL, the Bedrock model or inference profile to call ` +
        '(e.g. anthropic.claude-3-haiku-20240307-v1:0); see docs/bedrock.md',
    );
  }
  if (!BEDROCK_MODEL_ID.test(modelId)) {
    throw new Error(`STANCEWATCH_BEDROCK_MODEL="${modelId}" does not look like a Bedrock model id or ARN`);
  }
  const toolChoice = env.STANCEWATCH_BEDROCK_TOOL_CHOICE?.trim();
  if (toolChoice && !TOOL_CHOICE_MODES.includes(toolChoice as ToolChoiceMode)) {
    throw new Error(
      `STANCEWATCH_BEDROCK_TOOL_CHOICE=${toolChoice} is not one of: ${TOOL_CHOICE_MODES.join(', ')} (default: by model)`,
    );
  }
  const deadlineText = env.STANCEWATCH_BEDROCK_DEADLINE_SECONDS?.trim();
  const deadlineSeconds = deadlineText ? Number(deadlineText) : undefined;
  if (deadlineSeconds !== undefined && !(Number.isFinite(deadlineSeconds) && deadlineSeconds > 0)) {
    throw new Error(`STANCEWATCH_BEDROCK_DEADLINE_SECONDS=${deadlineText} must be a positive number of seconds`);
  }
  const region = env.STANCEWATCH_BEDROCK_REGION?.trim();
  return {
    kind,
    modelId,
    ...(toolChoice ? { toolChoice: toolChoice as ToolChoiceMode } : {}),
    ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}),
    ...(region ? { region } : {}),
  };
}
