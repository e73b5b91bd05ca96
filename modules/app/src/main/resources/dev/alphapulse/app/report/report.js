// Draws the report's charts with uPlot and makes tables with class "sortable" sortable.
// Chart data comes from the JSON block #ap-data: {charts: [{title, format, sync, xkind?: time|number,
// xlabel?, x: [epoch seconds, or numbers when xkind is number], series: [{name, style:
// line|area|points, color?, width?, values: [number|null]}], bands?: [{upper, lower, color}]}]}.
// A band fills between two series (indices into series), e.g. a Monte Carlo fan chart.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ap-data').textContent);
  var palette = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#ca8a04',
    '#db2777'];
  var formats = {
    money: function (v) {
      return v.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
    },
    percent: function (v) { return v.toFixed(2) + '%'; },
    number: function (v) { return v.toLocaleString('en-US', {maximumSignificantDigits: 6}); }
  };
  var height = 300;
  var plots = [];

  function widthOf(el) {
    return Math.max(320, el.clientWidth || 800);
  }

  data.charts.forEach(function (spec, c) {
    var el = document.getElementById('chart-' + c);
    if (!el) {
      return;
    }
    var format = formats[spec.format] || formats.number;
    var show = function (u, v) { return v == null ? '' : format(v); };
    var series = [{}];
    var columns = [spec.x];
    spec.series.forEach(function (s, i) {
      var color = s.color || palette[i % palette.length];
      var o = {label: s.name, stroke: color, width: s.width || 1.5, value: show};
      if (s.style === 'area') {
        o.fill = color + '33';
      } else if (s.style === 'points') {
        o.paths = function () { return null; };
        o.points = {show: true, size: 7, width: 1, stroke: color, fill: color};
      }
      series.push(o);
      columns.push(s.values);
    });
    var time = spec.xkind !== 'number';
    if (!time) {
      series[0] = {label: spec.xlabel || 'x'};
    }
    var opts = {
      width: widthOf(el),
      height: height,
      series: series,
      scales: {x: {time: time}},
      // The tables show UTC; so does the time axis, whatever the viewer's time zone.
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      axes: [time ? {} : {label: spec.xlabel || ''},
        {size: 90, values: function (u, ticks) { return ticks.map(format); }}],
      cursor: spec.sync ? {sync: {key: 'ap', scales: ['x', null]}} : {}
    };
    if (spec.bands && spec.bands.length) {
      opts.bands = spec.bands.map(function (b) {
        return {series: [b.upper + 1, b.lower + 1], fill: b.color + '2e'};
      });
    }
    plots.push({el: el, plot: new uPlot(opts, columns, el)});
  });

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      plots.forEach(function (p) { p.plot.setSize({width: widthOf(p.el), height: height}); });
    }, 100);
  });

  // Sorts by the cell's data-v (a number; empty sorts last) or else its text.
  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener('click', function () {
        var dir = th.getAttribute('data-dir') === 'desc' ? 'asc' : 'desc';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('data-dir'); });
        th.setAttribute('data-dir', dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute('data-v');
          return v === null ? cell.textContent : v === '' ? null : parseFloat(v);
        };
        rows.sort(function (a, b) {
          var x = key(a);
          var y = key(b);
          if (x === y) { return 0; }
          if (x === null) { return 1; }
          if (y === null) { return -1; }
          var d = x < y ? -1 : 1;
          return dir === 'asc' ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), sortable);
})();
