/**
 * A horizontal bar chart drawn as SVG on the server (no JavaScript), with the same numbers in a
 * table for screen readers and for reading exact values.
 */
export function BarChart({
  title,
  rows,
  valueLabel,
  itemLabel,
}: {
  title: string;
  rows: { label: string; value: number }[];
  valueLabel: string;
  itemLabel: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 150;
  const width = 560;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="grid gap-2">
      <figcaption className="font-bold">{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-xl border border-line bg-white"
      >
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const barWidth = ((width - labelWidth - 50) * row.value) / max;
          return (
            <g key={row.label}>
              <text x={labelWidth - 6} y={y + 17} textAnchor="end" fontSize="13" fill="#1f2328">
                {row.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(barWidth, row.value ? 2 : 0)}
                height={rowHeight - 10}
                fill="#a61b1b"
              />
              <text x={labelWidth + barWidth + 6} y={y + 17} fontSize="13" fill="#1f2328">
                {row.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="border-collapse text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className="border border-line px-2 text-left">
              {itemLabel}
            </th>
            <th scope="col" className="border border-line px-2 text-left">
              {valueLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="border border-line px-2 text-left font-normal">
                {row.label}
              </th>
              <td className="border border-line px-2">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
