export * from './devices';
export * from './work';
export * from './roofline';
export * from './training-step';
export * from './sweep';
export * from './report';
