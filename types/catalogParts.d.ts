/** A part of a translations catalog (scripts/catalogPartLoader.js); its keys are typed by translations/en.json. */
declare module '*.json?part=firstPaint' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*.json?part=sidebar' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*.json?part=pages' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*.json?part=startup' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
