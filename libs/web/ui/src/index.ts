export * from './cn';
export * from './button-styles';
export * from './button';
export * from './field';
export * from './feedback';
export * from './layout';
export * from './copy-button';
export * from './dialog';
