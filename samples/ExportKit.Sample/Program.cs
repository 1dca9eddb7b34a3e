using ExportKit.Sample;

return await SampleApp.RunAsync(args, Console.Out, Console.Error);
