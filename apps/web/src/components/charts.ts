import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart kinds the pages draw, so the echarts chunk stays small.
use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { default as VChart } from 'vue-echarts';

/** The level colours used in every chart: central red down to district grey-blue. */
export const LEVEL_COLORS = ['#c62828', '#ef6c00', '#2e7d32', '#1565c0'];
