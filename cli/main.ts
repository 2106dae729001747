import { Command } from 'commander';
import { registerDigestCommand } from './commands/digest';
import { registerExtractCommand } from './commands/extract';
import { registerFailuresCommand } from './commands/failures';
import { registerIngestCommand } from './commands/ingest';
import { registerMaintenanceCommands } from './commands/maintenance';
import { registerReadCommands } from './commands/read-views';
import { registerRedriveCommand } from './commands/redrive';
import { registerReviewCommand } from './commands/review';
import { registerSmokeCommand } from './commands/smoke';
import { registerStartCommand } from './commands/start';
import { registerTokenCommand } from './commands/token';

// The AWS SDK warns on Node 20 about a support policy change; it is noise for CLI users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('stancewatch')
  .description('Watches what governments and leaders say: statements, positions over time, contradiction alerts.')
  .showHelpAfterError('(add --help for usage)')
  .configureOutput({ outputError: (text, write) => write(`stancewatch: ${text.replace(/^error: /, '')}`) })
  .exitOverride((error) => {
    // Usage errors exit 2, help/version 0; commander has already printed the message.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

registerStartCommand(program);
registerIngestCommand(program);
registerExtractCommand(program);
registerReadCommands(program);
registerMaintenanceCommands(program);
registerReviewCommand(program);
registerDigestCommand(program);
registerTokenCommand(program);
registerSmokeCommand(program);
registerFailuresCommand(program);
registerRedriveCommand(program);

await program.parseAsync(process.argv);
