import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import './charts.css';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  color?: string;
}

export interface BarsProps {
  data: BarDatum[];
  format(value: number): string;
  /** Right-to-left pages put the labels on the right and grow the bars leftwards. */
  rtl: boolean;
  color?: string;
  labelWidth?: number;
}

const ROW_HEIGHT = 34;

/**
 * Horizontal bars with their values written at the end: categories (cities, statuses, themes) read
 * as rows, which fits long names in three languages better than columns do. Loaded only with the
 * pages that draw charts (recharts is heavy).
 */
export function Bars({ data, format, rtl, color = '#0b5c63', labelWidth = 140 }: BarsProps) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(2, data.length) * ROW_HEIGHT + 16}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, bottom: 4, left: rtl ? 76 : 4, right: rtl ? 4 : 76 }}
        barCategoryGap={6}
      >
        <XAxis type="number" hide reversed={rtl} domain={[0, 'dataMax']} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          orientation={rtl ? 'right' : 'left'}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={{ fontSize: 13, fill: '#1c2426' }}
        />
        <Tooltip
          cursor={{ fill: 'rgba(11, 92, 99, 0.06)' }}
          formatter={(value) => [format(Number(value)), '']}
          separator=""
        />
        <Bar dataKey="value" fill={color} radius={4} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.color ?? color} />
          ))}
          {/* On a reversed axis the bars have a negative width: "right" is their far end either way. */}
          <LabelList
            dataKey="value"
            position="right"
            formatter={(value: unknown) => format(Number(value))}
            style={{ fontSize: 12, fill: '#56646a' }}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
