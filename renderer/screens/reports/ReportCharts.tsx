import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../electron/api/contract/report';
import { bucketLabel } from './report-labels';

// Only the pieces the bar charts use, so the bundle carries no other chart type.
ChartJS.register(BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

/** Colours that stay apart for the colour-blind and on a grey printout (Okabe–Ito). */
const COLOURS = {
  blue: '#0072B2',
  green: '#009E73',
  orange: '#E69F00',
  red: '#D55E00',
  grey: '#777777',
};

/**
 * No animation: an elderly reader and a printout both want the bars where
 * they end, at once. Large type; whole numbers on the count axis.
 */
function options(stacked: boolean): ChartOptions<'bar'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom', labels: { font: { size: 16 } } } },
    scales: {
      x: { stacked, ticks: { font: { size: 15 } } },
      y: { stacked, beginAtZero: true, ticks: { precision: 0, font: { size: 15 } } },
    },
  };
}

/**
 * The three charts of the report. Each canvas is an image with a label for
 * screen readers; the same figures stand in the tables below it.
 */
export function ReportCharts({ figures }: { readonly figures: Figures }) {
  const { t } = useTranslation();
  const areas = figures.areas;
  return (
    <section className="report-charts" aria-labelledby="report-charts-title">
      <h2 id="report-charts-title">{t('reports.chartsTitle')}</h2>
      <figure className="report-chart" data-chart="tickets">
        <figcaption>{t('reports.ticketsChart')}</figcaption>
        <div className="report-chart-canvas">
          <Bar
            role="img"
            aria-label={t('reports.ticketsChart')}
            options={options(false)}
            data={{
              labels: areas.map((a) => a.name),
              datasets: [
                { label: t('reports.taken'), data: areas.map((a) => a.taken), backgroundColor: COLOURS.blue },
                { label: t('reports.served'), data: areas.map((a) => a.served), backgroundColor: COLOURS.green },
                { label: t('reports.noShows'), data: areas.map((a) => a.noShows), backgroundColor: COLOURS.red },
              ],
            }}
          />
        </div>
      </figure>
      <figure className="report-chart" data-chart="waiting">
        <figcaption>{t('reports.waitingChart')}</figcaption>
        <div className="report-chart-canvas">
          <Bar
            role="img"
            aria-label={t('reports.waitingChart')}
            options={options(false)}
            data={{
              labels: figures.waiting.buckets.map((b) => bucketLabel(t, b)),
              datasets: [
                {
                  label: t('reports.tickets'),
                  data: figures.waiting.buckets.map((b) => b.count),
                  backgroundColor: COLOURS.blue,
                },
              ],
            }}
          />
        </div>
      </figure>
      <figure className="report-chart" data-chart="satisfaction">
        <figcaption>{t('reports.satisfactionChart')}</figcaption>
        <div className="report-chart-canvas">
          <Bar
            role="img"
            aria-label={t('reports.satisfactionChart')}
            options={options(true)}
            data={{
              labels: figures.counters.map((c) => t('reports.counterN', { n: c.counter })),
              datasets: [
                { label: t('reports.verySatisfied'), data: figures.counters.map((c) => c.verySatisfied), backgroundColor: COLOURS.green },
                { label: t('reports.satisfied'), data: figures.counters.map((c) => c.satisfied), backgroundColor: COLOURS.blue },
                { label: t('reports.neutral'), data: figures.counters.map((c) => c.neutral), backgroundColor: COLOURS.grey },
                { label: t('reports.dissatisfied'), data: figures.counters.map((c) => c.dissatisfied), backgroundColor: COLOURS.red },
              ],
            }}
          />
        </div>
      </figure>
    </section>
  );
}
