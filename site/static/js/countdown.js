/* The contest page's countdown to the submission deadline (contest/templates/contest/contest_page.html).
 *
 * The server writes the time left when it renders the page; this script keeps it current once a
 * minute, in the page's language, and then says the deadline has passed (the page's own words,
 * ``data-countdown-ended``). Without it the
 * server's figure stays, and the deadline's date is written beside it. */
document.querySelectorAll("time[data-countdown]").forEach((element) => {
  const deadline = Date.parse(element.dateTime);
  const language = document.documentElement.lang || undefined;
  const units = [
    ["day", 86400000],
    ["hour", 3600000],
    ["minute", 60000],
  ];
  const render = () => {
    let left = deadline - Date.now();
    if (left <= 0) {
      element.textContent = element.dataset.countdownEnded;
      return false;
    }
    const parts = [];
    for (const [unit, size] of units) {
      const count = Math.floor(left / size);
      left -= count * size;
      if (count > 0 || (unit === "minute" && parts.length === 0)) {
        parts.push(new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(count));
      }
    }
    element.textContent = parts.join(", ");
    return true;
  };
  if (render()) {
    const timer = setInterval(() => {
      if (!render()) clearInterval(timer);
    }, 60000);
  }
});
