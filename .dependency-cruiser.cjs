/**
 * Import boundaries, checked by `npm run lint`: the domain stays free of AWS and of adapters,
 * handlers never reach into the embedded runtime or the CLI.
 */
const DOMAIN = '^(events/|shared/(domain/|ports/|application/|errors\\.ts))';
module.exports = {
  forbidden: [
    {
      name: 'domain-without-aws',
      comment:
        'Domain code (events, domain, extraction, positions, ports, application) must not import the AWS SDK or Powertools.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '(^|/)node_modules/(@aws-sdk|@aws-lambda-powertools|@smithy|aws-cdk-lib)/' },
    },
    {
      name: 'domain-without-adapters',
      comment: 'Domain code talks to the outside through ports only.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^(shared/(adapters|wiring)|functions|cli|infra)/' },
    },
    {
      name: 'events-are-the-bottom-layer',
      comment: 'Event schemas depend on nothing but zod.',
      severity: 'error',
      from: { path: '^events/' },
      to: { path: '^shared/' },
    },
    {
      name: 'functions-not-embedded',
      comment: 'Lambda handlers must not know about the embedded runtime or the CLI.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(shared/wiring/embedded|shared/adapters/embedded/|cli/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
