/**
 * Import boundaries, checked by `npm run lint` (docs/architecture.md). Every arrow that must not
 * exist between the layers is a rule here, with why.
 */
const DOMAIN = '^(events/|shared/(domain/|ports/|application/|errors\\.ts))';
const OUTSIDE = '^(shared/(adapters|wiring)/|shared/config\\.ts|functions/|cli/|infra/)';
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to });
module.exports = {
  forbidden: [
    rule(
      'domain-without-aws',
      'Domain code (events, domain, ports, application) must not import the AWS SDK, Powertools or the CDK.',
      DOMAIN,
      { path: '(^|/)node_modules/(@aws-sdk|@aws-lambda-powertools|@smithy|aws-cdk-lib)/' },
    ),
    rule(
      'domain-without-adapters',
      'Domain and use cases talk to the outside through ports only; they never choose an adapter, read configuration or know an entry point.',
      DOMAIN,
      { path: OUTSIDE },
    ),
    rule(
      'events-import-only-zod',
      'Event schemas are the stored contract: they depend on zod and on each other, nothing else.',
      '^events/',
      { pathNot: '^events/|(^|/)node_modules/zod/' },
    ),
    rule(
      'pure-domain-without-use-cases',
      'Domain rules are pure functions over data: they never call a use case.',
      '^shared/domain/',
      { path: '^shared/application/' },
    ),
    rule(
      'ports-are-interfaces',
      'Ports describe what the use cases need; they import domain types, never use cases.',
      '^shared/ports/',
      { path: '^shared/application/' },
    ),
    rule(
      'adapters-not-composition',
      'An adapter implements a port; it never picks other adapters (wiring does) or reaches an entry point.',
      '^shared/adapters/',
      { path: '^(shared/wiring/|functions/|cli/|infra/)' },
    ),
    rule('functions-not-infra-or-cli', 'Lambda handlers must not import the CDK app or the CLI.', '^functions/', {
      path: '^(infra/|cli/)',
    }),
    rule('functions-not-embedded', 'Lambda handlers must not know about the embedded runtime.', '^functions/', {
      path: '^(shared/wiring/embedded|shared/adapters/embedded/)',
    }),
    rule(
      'extraction-not-positions',
      'Extraction reads text into statements; what a statement does to a position is not its business.',
      '^shared/domain/extraction/',
      { path: '^shared/domain/(positions|alerts)/' },
    ),
    rule(
      'positions-not-extraction',
      'Position decisions take statements as data, whatever extractor made them.',
      '^shared/domain/positions/',
      { path: '^shared/domain/extraction/' },
    ),
    rule(
      'documents-are-the-bottom-of-the-domain',
      'Document input and limits come before everything else in the domain and import none of it.',
      '^shared/domain/documents/',
      { path: '^shared/domain/(extraction|positions|alerts)/' },
    ),
    rule(
      'alerts-not-extraction',
      'Alerts are about contradictions and verdicts, not about how statements were read.',
      '^shared/domain/alerts/',
      { path: '^shared/domain/extraction/' },
    ),
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
