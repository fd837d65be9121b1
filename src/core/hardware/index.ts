export * from './devices';
export * from './work';
export * from './roofline';
export * from './sweep';
export * from './report';
