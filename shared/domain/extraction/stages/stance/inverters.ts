import { governingItem } from '../../chain';
import type { CompiledCodebook } from '../../codebook/compile';
import type { AnalysedText } from '../../nlp';
import type { Item, TriggerItem } from '../items';

/** How far before its trigger an inverter is looked for (determiners between it and the trigger not counted). */
export const INVERTER_REACH = 8;

/**
 * Whether an inverter ending at `inverterEnd` still reaches the trigger starting at `triggerStart`:
 * at most two words between, determiners not counted ("recover all of its occupied territory").
 * Shared by `invertedBefore` (the sign) and `governingThroughInverter` (the modal over it).
 */
export function inverterReaches(
  compiled: CompiledCodebook,
  text: AnalysedText,
  inverterEnd: number,
  triggerStart: number,
): boolean {
  let words = 0;
  for (let i = inverterEnd; i < triggerStart; i += 1) {
    const token = text.norm[i] ?? '';
    if (!compiled.determiners.has(token) && !compiled.words.slotDeterminers.has(token)) words += 1;
  }
  return words <= 2;
}

/**
 * "Ukraine will recover its territory", "would regain all of its occupied land": a modal or negator
 * right before a proposition's own inverter, the inverter before its trigger as `invertedBefore`
 * reads it (`inverterReaches`), governs the trigger as it would
 * right before it (rules@1.65.0). The inverter is the verb the modal governs; it turns the sign
 * as before. Not in a question, up to the sentence's `last` token ("Do you think Ukraine can
 * recover its territory?" asks, it forecasts nothing).
 */
export function governingThroughInverter(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: readonly Item[],
  trigger: TriggerItem,
  from: number,
  last: number,
): Item | undefined {
  const index = compiled.inverters.get(trigger.trigger.key);
  if (!index) return undefined;
  for (const match of index.scanAll(text, Math.max(from, trigger.start - INVERTER_REACH), trigger.start)) {
    if (match.end > trigger.start || !inverterReaches(compiled, text, match.end, trigger.start)) continue;
    const governing = governingItem(items, match.start, from);
    // The question is looked for last: the rest of the sentence is read only for a modal found.
    if (governing) return asksAfter(text, trigger.end, last) ? undefined : governing;
  }
  return undefined;
}

/** Whether a question mark stands in [from, last]. */
function asksAfter(text: AnalysedText, from: number, last: number): boolean {
  for (let i = from; i <= last; i += 1) if (text.norm[i] === '?') return true;
  return false;
}
