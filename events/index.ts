export * from './alert-events';
export * from './define-event';
export * from './document-events';
export * from './envelope';
export * from './position-events';
export * from './registry';
export * from './statement';
export * from './statement-ref';
