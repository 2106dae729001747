import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { expect } from 'vitest';
import { type BuiltApp, buildApp } from '../../infra/build-app';
import type { FunctionName } from '../../infra/bundling';
import type { StancewatchStack } from '../../infra/stancewatch-stack';

/**
 * Synthesises the real app (stack, tags, cdk-nag plugin) with inline code instead of esbuild
 * bundles, so a template costs well under a second; `npm run synth` keeps the real bundles
 * covered. Memoised per context: the tests only read the templates.
 */
export interface Synthesised extends BuiltApp {
  template: Template;
  json: { Resources: Record<string, CfnResource>; Outputs?: Record<string, { Value: unknown }> };
}

export interface CfnResource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: a synthesised template is untyped JSON; tests index into it freely.
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

const inlineCode = (name: FunctionName) => Code.fromInline(`export const handler = async () => '${name}';`);
const cache = new Map<string, Synthesised>();

export function synth(context: Record<string, unknown> = {}): Synthesised {
  const key = JSON.stringify(context);
  const cached = cache.get(key);
  if (cached) return cached;
  const built = buildApp({ context, codeFor: inlineCode });
  const template = Template.fromStack(built.stack);
  const result = { ...built, template, json: template.toJSON() as Synthesised['json'] };
  cache.set(key, result);
  return result;
}

export const logicalIdOf = (stack: Stack, construct: { node: { defaultChild?: unknown } } | object): string => {
  const child =
    'node' in construct ? ((construct.node as { defaultChild?: unknown }).defaultChild ?? construct) : construct;
  return stack.getLogicalId(child as never);
};

export function resourcesOfType(json: Synthesised['json'], type: string): Array<[string, CfnResource]> {
  return Object.entries(json.Resources).filter(([, resource]) => resource.Type === type);
}

/**
 * Renders a CloudFormation value as readable text: own resources by a label (`events`, `views`,
 * `alertTopic` …), pseudo parameters as `${Region}`, joins flattened. Lets the IAM tests state the
 * expected permissions as plain strings.
 */
export function renderer(stack: StancewatchStack): (value: unknown) => string {
  const labels = new Map<string, string>([
    [logicalIdOf(stack, stack.events.table), 'events'],
    [logicalIdOf(stack, stack.views.table), 'views'],
    [logicalIdOf(stack, stack.parked.table), 'parked'],
    [logicalIdOf(stack, stack.alertTopic), 'alertTopic'],
    [logicalIdOf(stack, stack.opsTopic), 'opsTopic'],
    [logicalIdOf(stack, stack.apiToken), 'apiToken'],
    [logicalIdOf(stack, stack.projectorStream.failures), 'projectorFailures'],
    [logicalIdOf(stack, stack.alerterStream.failures), 'alerterFailures'],
  ]);
  for (const fn of Object.values(stack.functions)) labels.set(logicalIdOf(stack, fn.logGroup), `${fn.name}Logs`);
  const topicKey = stack.node.findChild('TopicKey');
  labels.set(logicalIdOf(stack, topicKey), 'topicKey');
  const render = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if ('Ref' in object) {
        const ref = String(object.Ref);
        return ref.startsWith('AWS::') ? `<${ref.slice(5)}>` : (labels.get(ref) ?? ref);
      }
      if ('Fn::GetAtt' in object) {
        const [id, attribute] = object['Fn::GetAtt'] as [string, string];
        const label = labels.get(id) ?? id;
        return attribute === 'Arn' ? label : `${label}.${attribute}`;
      }
      if ('Fn::Join' in object) {
        const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
        return parts.map(render).join(separator);
      }
    }
    return JSON.stringify(value);
  };
  return render;
}

/** Every `action resource` pair the function's role is allowed, sorted. */
export function permissionsOf(synthesised: Synthesised, name: FunctionName): string[] {
  const { stack, json } = synthesised;
  const render = renderer(stack);
  const roleId = logicalIdOf(stack, stack.functions[name].role);
  const pairs = new Set<string>();
  for (const [, policy] of resourcesOfType(json, 'AWS::IAM::Policy')) {
    const roles = (policy.Properties.Roles as Array<{ Ref: string }>).map((role) => role.Ref);
    if (!roles.includes(roleId)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      expect(statement.Effect).toBe('Allow');
      const actions = [statement.Action].flat() as string[];
      const resources = [statement.Resource].flat();
      for (const action of actions) for (const resource of resources) pairs.add(`${action} ${render(resource)}`);
    }
  }
  return [...pairs].sort();
}
