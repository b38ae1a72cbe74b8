// Stylesheets are imported as text: Vite (tests, Storybook, playground) reads
// `?raw` natively, and tsup.config.ts teaches esbuild the same.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
