// A framework-free entry point: the configuration's variables, rules and documentation (the reference generator in
// tools/docs reads it without loading Nest).
export * from './lib/config/config.schema';
export * from './lib/config/config-reference';
