import { Calendar, Checked, Coin, DataAnalysis, Document, EditPen, HomeFilled, Medal, Message, OfficeBuilding, Reading, Setting, Stamp, TrendCharts, Trophy } from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** The icons the side menu names (imported one by one so the bundle carries only these). */
export const MENU_ICONS: Record<string, Component> = { Calendar, Checked, Coin, DataAnalysis, Document, EditPen, HomeFilled, Medal, Message, OfficeBuilding, Reading, Setting, Stamp, TrendCharts, Trophy };
