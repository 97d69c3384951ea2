// Text files bundled as strings: webpack (asset/source for `?raw`, webpack.config.js) and vite
// (vitest, built-in `?raw`) both turn `import text from "file.csv?raw"` into the file's text.
declare module "*.csv?raw" {
  const text: string;
  export default text;
}
