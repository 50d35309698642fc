import { onMounted, onUnmounted, ref } from 'vue';

/** True at phone width: forms put labels above fields, the menu moves into a drawer. */
export function useNarrow(breakpoint = 768) {
  const narrow = ref(typeof window !== 'undefined' && window.innerWidth < breakpoint);
  const measure = () => (narrow.value = window.innerWidth < breakpoint);
  onMounted(() => {
    measure();
    window.addEventListener('resize', measure);
  });
  onUnmounted(() => window.removeEventListener('resize', measure));
  return narrow;
}
