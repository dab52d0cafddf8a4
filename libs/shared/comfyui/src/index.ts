export * from './lib/lenient-json';
export * from './lib/loaders';
export * from './lib/workflow';
export * from './lib/workflow-errors';
export * from './lib/widgets';
export * from './lib/slots';
export * from './lib/dependencies';
