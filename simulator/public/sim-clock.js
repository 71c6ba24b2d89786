// Simulator only (never in dist/): the app's clock follows the simulator's "now", which the host page
// can move forward, plus any app clock skew (which may be negative: a clock moved back). The host keeps the
// offset from real time in window.__simOffsetMs.
(function () {
  const RealDate = Date;
  const offset = () => {
    try {
      return (window.parent && window.parent.__simOffsetMs) || 0;
    } catch {
      return 0;
    }
  };
  // Reflect.construct keeps subclasses (date-fns' TZDate extends Date) intact.
  function SimDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset()] : args, new.target);
  }
  SimDate.prototype = RealDate.prototype;
  SimDate.now = () => RealDate.now() + offset();
  SimDate.parse = RealDate.parse;
  SimDate.UTC = RealDate.UTC;
  window.Date = SimDate;
})();
